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
    public const int MaxGrounds = 10;

    public RefuseValidator()
    {
        RuleFor(b => b.Grounds).Must(g => g is null || g.Count <= MaxGrounds)
            .WithErrorCode("too-many").WithMessage($"grounds must hold at most {MaxGrounds} ground codes.");
        RuleForEach(b => b.Grounds).NotEmpty().WithErrorCode("required").WithMessage("a ground may not be empty.")
            .SingleLine(100).When(b => b.Grounds is { Count: <= MaxGrounds });
        ActionText.Optional(RuleFor(b => b.Reasons));
    }
}
