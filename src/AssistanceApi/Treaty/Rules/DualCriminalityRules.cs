using AssistanceApi.Domain;
using static AssistanceApi.Treaty.Rules.TreatyRule;

namespace AssistanceApi.Treaty.Rules;

public static class DualCriminalityRules
{
    // A warning, not an error: the requested State "may" decline, and may still assist (Art. 40(9)).
    public static readonly TreatyRule CoerciveMeasureWarning = new("uncc-40-9", MutualLegalAssistance, Severity.Warning, BasisKind.Treaty, ctx =>
        ctx.RequestedState.Declarations.RequiresDualCriminality == true && ctx.Measures.Any(Measures.Coercive.Contains)
            ? [new Breach("measures",
                $"{ctx.RequestedState.Code} requires dual criminality and a coercive measure is sought " +
                $"({string.Join(", ", ctx.Measures.Where(Measures.Coercive.Contains).Select(KebabCase.Of))}); it may decline if the conduct is not an offence under its law.")]
            : []);

    public static IEnumerable<TreatyRule> All => [CoerciveMeasureWarning];
}
