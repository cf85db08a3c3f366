using FastEndpoints;
using FluentValidation;

namespace AssistanceApi.Features.Requests.Postpone;

public sealed class PostponeBody
{
    /// <summary>Which ongoing proceeding execution would interfere with.</summary>
    public string? Reasons { get; init; }

    /// <summary>The date until which execution is postponed, if known.</summary>
    public DateOnly? Until { get; init; }
}

public sealed class PostponeValidator : Validator<PostponeBody>
{
    public PostponeValidator()
    {
        ActionText.Optional(RuleFor(b => b.Reasons));
        RuleFor(b => b.Until).CalendarDate("until");
    }
}
