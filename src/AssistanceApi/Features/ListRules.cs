using FluentValidation;

namespace AssistanceApi.Features;

/// <summary>The rules of lists that name things (documents, grounds, event types).</summary>
public static class ListRules
{
    /// <summary>
    /// An absent list passes; a present one names each thing once: a repeat is a mistake to report (400 duplicate),
    /// never a thing to store or count twice.
    /// </summary>
    public static IRuleBuilderOptions<T, IEnumerable<TItem>?> EachOnce<T, TItem>(this IRuleBuilder<T, IEnumerable<TItem>?> rule, string message) =>
        rule.Must(items => items is null || items.Distinct().Count() == items.Count()).WithErrorCode("duplicate").WithMessage(message);
}
