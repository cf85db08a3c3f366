using AssistanceApi.Domain;
using AssistanceApi.Treaty.Rules;
using static AssistanceApi.Tests.Treaty.Rules.RuleKit;

namespace AssistanceApi.Tests.Treaty.Rules;

public sealed class OffenceRulesTests
{
    private static readonly OffenceDetails SeriousCrime = new() { Description = "Extortion", MaxPenaltyYears = 4 };
    private static readonly OffenceDetails PettyCrime = new() { Description = "Nuisance", MaxPenaltyYears = 3.5m };

    [Fact]
    public void InScope_passes_a_Convention_offence_and_a_serious_crime() =>
        Assert.Empty(OffenceRules.InScope.Breaches(Context(Mla() with { Offences = [new OffenceDetails { Article = 17 }, SeriousCrime] })));

    [Fact]
    public void InScope_fails_without_an_offence() =>
        Assert.Equal(["offences"], OffenceRules.InScope.Breaches(Context(Mla() with { Offences = null })));

    [Fact]
    public void InScope_names_each_offence_outside_the_Convention_and_below_the_threshold() =>
        Assert.Equal(["offences[0].article", "offences[1]"],
            OffenceRules.InScope.Breaches(Context(Mla() with { Offences = [new OffenceDetails { Article = 18 }, PettyCrime] })));

    [Fact]
    public void InScope_limits_a_request_resting_on_serious_crime_alone_to_electronic_evidence()
    {
        var request = Mla() with { Offences = [SeriousCrime], Measures = [Measure.StoredDataAccess, Measure.SearchAndSeizure, Measure.VideoHearing] };
        Assert.Equal(["measures"], OffenceRules.InScope.Breaches(Context(request)));
        Assert.EndsWith("not: search-and-seizure, video-hearing.", OffenceRules.InScope.Messages(Context(request)).Single(), StringComparison.Ordinal);
        Assert.Empty(OffenceRules.InScope.Breaches(Context(request with { Measures = [Measure.StoredDataAccess, Measure.ContentInterception] })));
    }

    [Fact]
    public void InterceptionInScope_passes_a_Convention_offence_or_a_serious_crime()
    {
        var interception = Mla() with { Measures = [Measure.ContentInterception] };
        Assert.Empty(OffenceRules.InterceptionInScope.Breaches(Context(interception)));
        Assert.Empty(OffenceRules.InterceptionInScope.Breaches(Context(interception with { Offences = [SeriousCrime] })));
    }

    [Fact]
    public void InterceptionInScope_fails_below_the_Art_2_h_threshold_and_says_so()
    {
        var context = Context(Mla() with { Measures = [Measure.ContentInterception], Offences = [PettyCrime] });
        Assert.Equal(["offences"], OffenceRules.InterceptionInScope.Breaches(context));
        Assert.Contains("at least 4 years, Art. 2(h)", OffenceRules.InterceptionInScope.Messages(context).Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void InterceptionInScope_leaves_other_measures_alone() =>
        Assert.Empty(OffenceRules.InterceptionInScope.Breaches(Context(Mla() with { Offences = [PettyCrime] })));

    [Fact]
    public void The_interception_threshold_is_cited_to_Art_35_1_not_Art_46_1() =>
        Assert.Equal("uncc-35-1", OffenceRules.InterceptionInScope.ProvisionId);
}
