using AssistanceApi.Domain;
using FastEndpoints;
using FluentValidation;

namespace AssistanceApi.Features.Requests.Complete;

public sealed class CompleteBody
{
    /// <summary>executed | partially-executed.</summary>
    public ExecutionOutcome? Outcome { get; init; }

    /// <summary>What was done and what is sent.</summary>
    public string? Summary { get; init; }

    /// <summary>Required for partially-executed.</summary>
    public string? UnexecutedReasons { get; init; }

    /// <summary>The evidence and execution-record documents this completion returns; their manifest is recorded with it.</summary>
    public IReadOnlyList<Guid>? EvidenceDocumentIds { get; init; }
}

public sealed class CompleteValidator : Validator<CompleteBody>
{
    public CompleteValidator()
    {
        RuleFor(b => b.Outcome).NotNull().WithErrorCode("required").WithMessage("outcome is required: executed or partially-executed.");
        ActionText.Required(RuleFor(b => b.Summary), "summary");
        ActionText.Optional(RuleFor(b => b.UnexecutedReasons));
        RuleFor(b => b.EvidenceDocumentIds).EachOnce("evidenceDocumentIds names a document twice.");
    }
}
