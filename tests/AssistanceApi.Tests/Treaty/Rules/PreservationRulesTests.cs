using AssistanceApi.Domain;
using AssistanceApi.Treaty;
using AssistanceApi.Treaty.Rules;
using static AssistanceApi.Tests.Treaty.Rules.RuleKit;

namespace AssistanceApi.Tests.Treaty.Rules;

public sealed class PreservationRulesTests
{
    private static RequestDetails With(Func<PreservationSought, PreservationSought> change) =>
        Preservation() with { Preservation = change(Preservation().Preservation!) };

    [Fact]
    public void Every_preservation_rule_passes_a_complete_request()
    {
        foreach (var rule in PreservationRules.All) Assert.Empty(rule.Breaches(Context(Preservation())));
    }

    [Fact]
    public void Authority_fails_without_the_authority_name() =>
        Assert.Equal(["requestingAuthority.name"], PreservationRules.Authority.Breaches(Context(Preservation() with { RequestingAuthority = null })));

    [Fact]
    public void OffenceAndFacts_needs_both() =>
        Assert.Equal(["offences", "facts"], PreservationRules.OffenceAndFacts.Breaches(Context(Preservation() with { Offences = [], Facts = null })));

    [Fact]
    public void DataAndRelationship_needs_both() =>
        Assert.Equal(["preservation.data", "preservation.relationshipToOffence"],
            PreservationRules.DataAndRelationship.Breaches(Context(With(p => p with { Data = null, RelationshipToOffence = "" }))));

    [Fact]
    public void CustodianOrLocation_takes_either_and_fails_without_both()
    {
        Assert.Empty(PreservationRules.CustodianOrLocation.Breaches(Context(With(p => p with { Custodian = null, SystemLocation = "Frankfurt" }))));
        Assert.Equal(["preservation.custodian"], PreservationRules.CustodianOrLocation.Breaches(Context(With(p => p with { Custodian = null }))));
    }

    [Fact]
    public void Necessity_fails_when_missing() =>
        Assert.Equal(["preservation.necessity"], PreservationRules.Necessity.Breaches(Context(With(p => p with { Necessity = null }))));

    [Theory]
    [InlineData(false)]
    [InlineData(null)]
    public void FollowUpIntended_fails_unless_true(bool? intended) =>
        Assert.Equal(["preservation.followUpIntended"], PreservationRules.FollowUpIntended.Breaches(Context(With(p => p with { FollowUpIntended = intended }))));

    [Fact]
    public void MinimumPeriod_takes_the_minimum_from_the_options()
    {
        Assert.Empty(PreservationRules.MinimumPeriod.Breaches(Context(With(p => p with { PeriodDays = 60 }))));
        var tooShort = Context(With(p => p with { PeriodDays = 59 }));
        Assert.Equal(["preservation.periodDays"], PreservationRules.MinimumPeriod.Breaches(tooShort));
        Assert.Empty(PreservationRules.MinimumPeriod.Breaches(tooShort with { Options = new TreatyOptions { PreservationMinimumDays = 30 } }));
        Assert.Equal(["preservation.periodDays"], PreservationRules.MinimumPeriod.Breaches(Context(With(p => p with { PeriodDays = null }))));
    }
}
