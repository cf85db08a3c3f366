using FastEndpoints;
using FluentValidation;

namespace AssistanceApi.Features.Requests;

/// <summary>The body of preserve and extend.</summary>
public sealed class PreservationPeriodBody
{
    /// <summary>The last day the data is preserved (UTC, to the end of that day).</summary>
    public DateOnly? PreservedUntil { get; init; }
}

public sealed class PreservationPeriodValidator : Validator<PreservationPeriodBody>
{
    public PreservationPeriodValidator()
    {
        RuleFor(b => b.PreservedUntil).NotNull().WithErrorCode("required").WithMessage("preservedUntil is required (YYYY-MM-DD).");
        RuleFor(b => b.PreservedUntil).CalendarDate("preservedUntil");
    }
}
