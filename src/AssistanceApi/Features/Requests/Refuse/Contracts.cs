using FastEndpoints;
using FluentValidation;

namespace AssistanceApi.Features.Requests.Refuse;

public sealed class RefuseBody
{
    /// <summary>One or more grounds of the closed list.</summary>
    public List<string>? Grounds { get; init; }

    /// <summary>Why the request is refused (Art. 40(24)).</summary>
    public string? Reasons { get; init; }
}

public sealed class RefuseValidator : Validator<RefuseBody>
{
    public RefuseValidator()
    {
        RuleFor(b => b.Grounds).Must(g => g is null || (g.Count <= 10 && g.All(x => x is { Length: > 0 and <= 100 })))
            .WithErrorCode("invalid-list").WithMessage("grounds must hold at most 10 ground codes.");
        ActionText.Optional(RuleFor(b => b.Reasons));
    }
}
