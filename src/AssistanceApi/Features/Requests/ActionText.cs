using FluentValidation;

namespace AssistanceApi.Features.Requests;

/// <summary>The text rules of action bodies: the same limits as request content.</summary>
public static class ActionText
{
    public const int MaxListItems = 50;

    public static void Required<T>(IRuleBuilderInitial<T, string?> rule, string name)
    {
        rule.NotEmpty().WithErrorCode("required").WithMessage($"{name} is required.");
        rule.MultiLine();
    }

    public static void Optional<T>(IRuleBuilderInitial<T, string?> rule) => rule.MultiLine();

    /// <summary>
    /// A list of texts (questions, answers, conditions): at most <see cref="MaxListItems"/>, each non-empty and
    /// clean. The items are looked at only when the list is within its length.
    /// </summary>
    public static void List<T>(IRuleBuilderInitial<T, List<string>?> list, IRuleBuilderInitialCollection<T, string> each,
        Func<T, List<string>?> read, string name)
    {
        list.Must(l => l is null || l.Count <= MaxListItems).WithErrorCode("too-many")
            .WithMessage($"{name} holds at most {MaxListItems} texts.");
        each.Must(s => !string.IsNullOrWhiteSpace(s)).WithErrorCode("required").WithMessage("may not be empty.")
            .MultiLine().When(b => read(b) is { Count: <= MaxListItems });
    }
}
