using AssistanceApi.Domain;

namespace AssistanceApi.Treaty.Rules;

/// <summary>A field of the request the rule finds wanting, and what it lacks.</summary>
public sealed record Breach(string Name, string Message);

/// <summary>
/// A rule of the treaty as data: the provision it enforces, the kinds of request it governs, whether a
/// breach stops submission, what it rests on (the treaty, or a choice of this API), and a small check listing
/// every breach (not only the first).
/// </summary>
public sealed record TreatyRule(
    string ProvisionId,
    IReadOnlySet<RequestKind> AppliesTo,
    Severity Severity,
    BasisKind Basis,
    Func<RuleContext, IEnumerable<Breach>> Check)
{
    public static readonly IReadOnlySet<RequestKind> AllKinds = Enum.GetValues<RequestKind>().ToHashSet();
    public static readonly IReadOnlySet<RequestKind> MutualLegalAssistance = new HashSet<RequestKind> { RequestKind.MutualLegalAssistance };

    /// <summary>The common shape: one field, one condition.</summary>
    public static TreatyRule Require(
        string provisionId, IReadOnlySet<RequestKind> appliesTo, BasisKind basis, string name, Func<RuleContext, bool> satisfied,
        string message, Severity severity = Severity.Error) =>
        new(provisionId, appliesTo, severity, basis, ctx => satisfied(ctx) ? [] : [new Breach(name, message)]);

    public static bool Present(string? text) => !string.IsNullOrWhiteSpace(text);
}
