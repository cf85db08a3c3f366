using AssistanceApi.Treaty.Rules;

namespace AssistanceApi.Treaty;

/// <summary>Checks a request against every rule that governs its kind and reports every finding at once.</summary>
public sealed class TreatyRules(ProvisionCatalogue catalogue)
{
    public static readonly IReadOnlyList<TreatyRule> All =
    [
        .. StatusRules.All, .. ContentRules.All, .. OffenceRules.All, .. TimingRules.All, .. DualCriminalityRules.All,
        .. PreservationRules.All, .. DisclosureRules.All, .. ElectronicEvidenceRules.All,
    ];

    public IReadOnlyList<Finding> Evaluate(RuleContext context) =>
        All.Where(rule => rule.AppliesTo.Contains(context.Kind))
            .SelectMany(rule => rule.Check(context).Select(breach => new Finding(
                rule.Severity, rule.ProvisionId, breach.Name, catalogue.Reason(rule.ProvisionId, breach.Message))))
            .ToList();
}
