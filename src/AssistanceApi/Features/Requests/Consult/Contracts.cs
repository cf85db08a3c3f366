using System.ComponentModel.DataAnnotations;
using AssistanceApi.Domain;
using FastEndpoints;
using FluentValidation;

namespace AssistanceApi.Features.Requests.Consult;

public sealed class ConsultBody
{
    /// <summary>What the requested State intends if no conditions are agreed: refuse | postpone.</summary>
    public ConsultationIntent? Intent { get; init; }

    /// <summary>The conditions under which assistance could be granted; may be empty.</summary>
    [MaxLength(ActionText.MaxListItems)]
    public List<string>? ProposedConditions { get; init; }

    public string? Reasons { get; init; }
}

public sealed class ConsultValidator : Validator<ConsultBody>
{
    public ConsultValidator()
    {
        RuleFor(b => b.Intent).NotNull().WithErrorCode("required").WithMessage("intent is required: refuse or postpone.");
        RuleFor(b => b.ProposedConditions).NotNull().WithErrorCode("required")
            .WithMessage("proposedConditions is required (an empty list when none can be offered).");
        ActionText.List(RuleFor(b => b.ProposedConditions), RuleForEach(b => b.ProposedConditions), b => b.ProposedConditions, "proposedConditions");
        ActionText.Optional(RuleFor(b => b.Reasons));
    }
}
