using System.ComponentModel.DataAnnotations;
using AssistanceApi.Treaty;
using FastEndpoints;
using FluentValidation;

namespace AssistanceApi.Features.Requests.Refuse;

public sealed class RefuseBody
{
    /// <summary>One or more grounds of the closed list, each once.</summary>
    [MinLength(1), MaxLength(RefuseValidator.MaxGrounds)]
    public List<string>? Grounds { get; init; }

    /// <summary>Why the request is refused (Art. 40(24)).</summary>
    public string? Reasons { get; init; }
}

public sealed class RefuseValidator : Validator<RefuseBody>
{
    /// <summary>Each ground once: no more than there are names (a test holds them equal).</summary>
    public const int MaxGrounds = 8;

    public RefuseValidator()
    {
        RuleFor(b => b.Grounds).Must(g => g is null || g.Count <= MaxGrounds)
            .WithErrorCode("too-many").WithMessage($"grounds must hold at most {MaxGrounds} ground codes.");
        RuleFor(b => b.Grounds).EachOnce("grounds names a ground twice.");
        RuleForEach(b => b.Grounds).OneOf(RefusalGrounds.Named).When(b => b.Grounds is { Count: <= MaxGrounds });
        ActionText.Optional(RuleFor(b => b.Reasons));
    }
}
