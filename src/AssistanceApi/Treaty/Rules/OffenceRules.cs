using AssistanceApi.Domain;
using static AssistanceApi.Treaty.Rules.TreatyRule;

namespace AssistanceApi.Treaty.Rules;

/// <summary>The scope of cooperation: Convention offences, or electronic evidence of a serious crime (Arts. 2(h), 35(1)).</summary>
public static class OffenceRules
{
    public static readonly TreatyRule InScope = new("uncc-35-1", AllKinds, Severity.Error, BasisKind.Treaty, Check);

    // Interception is cooperation like any other: Art. 35(1) confines it to Convention offences and serious crime,
    // with the threshold of Art. 2(h). Art. 46 itself sets no threshold, so this is not cited to it.
    public static readonly TreatyRule InterceptionInScope = new("uncc-35-1", MutualLegalAssistance, Severity.Error, BasisKind.Treaty, ctx =>
    {
        if (!ctx.Measures.Contains(Measure.ContentInterception)) return [];
        var threshold = ctx.Catalogue.SeriousCrimeThresholdYears;
        var grave = ctx.Offences.Any(o =>
            (o.Article is { } a && ctx.Catalogue.IsConventionOffence(a)) || (o.Article is null && o.MaxPenaltyYears >= threshold));
        return grave
            ? []
            : [new Breach("offences", $"interception of content data only for a Convention offence or a serious crime (at least {threshold} years, Art. 2(h)).")];
    });

    private static IEnumerable<Breach> Check(RuleContext ctx)
    {
        if (ctx.Offences.Count == 0)
        {
            yield return new Breach("offences", $"name at least one offence: a Convention offence (Arts. {Convention.OffenceArticles}) or a serious crime.");
            yield break;
        }

        var threshold = ctx.Catalogue.SeriousCrimeThresholdYears;
        var anyConventionOffence = false;
        var anySeriousCrime = false;
        for (var i = 0; i < ctx.Offences.Count; i++)
        {
            var offence = ctx.Offences[i];
            if (offence.Article is { } article)
            {
                if (ctx.Catalogue.IsConventionOffence(article)) anyConventionOffence = true;
                else yield return new Breach($"offences[{i}].article", $"Art. {article} establishes no Convention offence; the offences are in Arts. {Convention.OffenceArticles}.");
            }
            else if (Present(offence.Description) && offence.MaxPenaltyYears is { } years && years >= threshold)
            {
                anySeriousCrime = true;
            }
            else
            {
                yield return new Breach($"offences[{i}]",
                    $"an offence outside Arts. {Convention.OffenceArticles} must be a serious crime: describe it and give a maximum penalty of at least {threshold} years (Art. 2(h)).");
            }
        }

        // Resting on serious crime alone, cooperation covers only evidence in electronic form.
        var nonElectronic = ctx.Measures.Where(m => !Measures.ElectronicEvidence.Contains(m)).ToList();
        if (anySeriousCrime && !anyConventionOffence && ctx.Kind == RequestKind.MutualLegalAssistance && nonElectronic.Count > 0)
            yield return new Breach("measures",
                "a request resting only on serious crimes may seek only the collection of evidence in electronic form " +
                $"(stored-data-access, real-time-traffic-collection, content-interception); not: {string.Join(", ", nonElectronic.Select(KebabCase.Of))}.");
    }

    public static IEnumerable<TreatyRule> All => [InScope, InterceptionInScope];
}
