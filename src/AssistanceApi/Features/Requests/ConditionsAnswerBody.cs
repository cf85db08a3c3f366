using FastEndpoints;

namespace AssistanceApi.Features.Requests;

/// <summary>The requesting State's answer to a consultation; the same body accepts or declines.</summary>
public sealed class ConditionsAnswerBody
{
    public string? Comment { get; init; }
}

public sealed class ConditionsAnswerValidator : Validator<ConditionsAnswerBody>
{
    public ConditionsAnswerValidator() => ActionText.Optional(RuleFor(b => b.Comment));
}
