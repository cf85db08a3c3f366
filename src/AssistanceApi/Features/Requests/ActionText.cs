using FluentValidation;

namespace AssistanceApi.Features.Requests;

/// <summary>The text rules of action bodies: the same limits as request content.</summary>
public static class ActionText
{
    public static void Required<T>(IRuleBuilderInitial<T, string?> rule, string name)
    {
        rule.NotEmpty().WithErrorCode("required").WithMessage($"{name} is required.");
        RequestContentValidator.Text(rule, RequestContentValidator.LongText);
    }

    public static void Optional<T>(IRuleBuilderInitial<T, string?> rule) => RequestContentValidator.Text(rule, RequestContentValidator.LongText);

    /// <summary>A list of texts: at most 50, each non-empty.</summary>
    public static void List<T>(IRuleBuilderInitial<T, List<string>?> rule, string name) =>
        rule.Must(l => l is null || (l.Count <= 50 && l.All(s => !string.IsNullOrWhiteSpace(s) && s.Length <= RequestContentValidator.LongText)))
            .WithErrorCode("invalid-list").WithMessage($"{name} must hold at most 50 non-empty texts of at most {RequestContentValidator.LongText} characters.");
}
