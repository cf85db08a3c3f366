using FluentValidation;

namespace AssistanceApi.Features;

/// <summary>
/// The dates this API takes: a request of this century, with room for arithmetic on either side (a deadline, a
/// postponement, a preservation's end, the directory's Convention dates, a statistics period). Stored data may be older
/// than any request, so a data period may start in 1970; never in year 1.
/// </summary>
public static class CalendarDates
{
    public const int FirstYear = 2000, FirstDataYear = 1970, LastYear = 2100;

    /// <summary>An absent date passes; a present one is between <paramref name="firstYear"/> and <see cref="LastYear"/>.</summary>
    public static IRuleBuilderOptions<T, DateOnly?> CalendarDate<T>(this IRuleBuilder<T, DateOnly?> rule, string name, int firstYear = FirstYear) =>
        rule.Must(d => d is null || (d.Value.Year >= firstYear && d.Value.Year <= LastYear)).WithErrorCode("invalid-date")
            .WithMessage($"{name} must be a calendar date between {firstYear} and {LastYear}.");
}
