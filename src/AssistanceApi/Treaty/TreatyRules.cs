using AssistanceApi.Treaty.Rules;

namespace AssistanceApi.Treaty;

/// <summary>Checks a request against every rule that governs its kind and reports every finding at once.</summary>
public sealed class TreatyRules(ProvisionCatalogue catalogue)
{
    public static readonly IReadOnlyList<TreatyRule> All =
    [
        .. StatusRules.All, .. ContentRules.All, .. OffenceRules.All, .. TimingRules.All, .. DualCriminalityRules.All,
        .. PreservationRules.All, .. DisclosureRules.All, .. ElectronicEvidenceRules.All, .. DocumentRules.All,
    ];

    public IReadOnlyList<Finding> Evaluate(RuleContext context)
    {
        var otherTreaty = OtherTreatyPrecedence.Applies(context.Request.EffectiveLegalBasis);
        var findings = new List<Finding>();
        foreach (var rule in All)
        {
            if (!rule.AppliesTo.Contains(context.Kind)) continue;
            var breaches = rule.Check(context).ToList();
            if (breaches.Count == 0) continue;

            var provision = catalogue[rule.ProvisionId];
            // Only an error changes: a rule that warns anyway says nothing more.
            var displaced = otherTreaty && rule.Severity == Severity.Error && OtherTreatyPrecedence.Displaces(provision);
            var severity = displaced ? Severity.Warning : rule.Severity;
            var basis = new RuleBasis(rule.Basis, provision.Id, provision.Verified);
            foreach (var breach in breaches)
                findings.Add(new Finding(severity, rule.ProvisionId, breach.Name, Reason(provision, breach.Message, displaced), basis));
        }
        return findings;
    }

    private string Reason(Provision provision, string message, bool displaced) => displaced
        ? $"{provision.Citation}: {message} Only a warning: the request rests on a treaty of mutual legal assistance between " +
          $"the two States, which applies instead of this paragraph ({catalogue[OtherTreatyPrecedence.ProvisionId].Citation})."
        : $"{provision.Citation}: {message}";
}
