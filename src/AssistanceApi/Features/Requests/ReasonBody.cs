using FastEndpoints;

namespace AssistanceApi.Features.Requests;

/// <summary>The body of actions that only need a reason: withdraw, release.</summary>
public sealed class ReasonBody
{
    public string? Reason { get; init; }
}

public sealed class ReasonBodyValidator : Validator<ReasonBody>
{
    public ReasonBodyValidator() => ActionText.Required(RuleFor(b => b.Reason), "reason");
}
