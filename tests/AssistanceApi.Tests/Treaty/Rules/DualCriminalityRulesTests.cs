using AssistanceApi.Domain;
using AssistanceApi.Treaty.Rules;
using static AssistanceApi.Tests.Treaty.Rules.RuleKit;

namespace AssistanceApi.Tests.Treaty.Rules;

public sealed class DualCriminalityRulesTests
{
    private static readonly State RequiresDualCriminality = Party("DEU") with { Declarations = new Declarations { RequiresDualCriminality = true } };

    [Fact]
    public void CoerciveMeasureWarning_stays_silent_for_non_coercive_measures_or_without_the_declaration()
    {
        Assert.Empty(DualCriminalityRules.CoerciveMeasureWarning.Breaches(Context(Mla() with { Measures = [Measure.TakingEvidence] }, RequiresDualCriminality)));
        Assert.Empty(DualCriminalityRules.CoerciveMeasureWarning.Breaches(Context(Mla() with { Measures = [Measure.SearchAndSeizure] })));
    }

    [Fact]
    public void CoerciveMeasureWarning_names_the_coercive_measures_asked_of_a_State_requiring_dual_criminality()
    {
        var context = Context(Mla() with { Measures = [Measure.TakingEvidence, Measure.SearchAndSeizure, Measure.RecoveryOfProceeds] }, RequiresDualCriminality);
        Assert.Equal(["measures"], DualCriminalityRules.CoerciveMeasureWarning.Breaches(context));
        Assert.Equal(
            "DEU requires dual criminality and a coercive measure is sought (search-and-seizure, recovery-of-proceeds); " +
            "it may decline if the conduct is not an offence under its law.",
            DualCriminalityRules.CoerciveMeasureWarning.Messages(context).Single());
    }
}
