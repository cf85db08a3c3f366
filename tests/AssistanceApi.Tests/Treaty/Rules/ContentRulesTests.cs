using AssistanceApi.Domain;
using AssistanceApi.Treaty.Rules;
using static AssistanceApi.Tests.Treaty.Rules.RuleKit;

namespace AssistanceApi.Tests.Treaty.Rules;

public sealed class ContentRulesTests
{
    [Fact]
    public void Every_content_rule_passes_a_complete_request()
    {
        foreach (var rule in ContentRules.All) Assert.Empty(rule.Breaches(Context(Mla())));
    }

    [Fact]
    public void RequestingAuthority_fails_without_the_authority_name() =>
        Assert.Equal(["requestingAuthority.name"], ContentRules.RequestingAuthority.Breaches(Context(Mla() with { RequestingAuthority = new AuthorityDetails { Name = " " } })));

    [Fact]
    public void Proceeding_lists_every_missing_part()
    {
        Assert.Equal(
            ["proceeding.nature", "proceeding.subject", "proceeding.conductingAuthority.name", "proceeding.conductingAuthority.functions"],
            ContentRules.Proceeding.Breaches(Context(Mla() with { Proceeding = null })));
        Assert.Equal(["proceeding.conductingAuthority.functions"], ContentRules.Proceeding.Breaches(Context(Mla() with
        {
            Proceeding = Mla().Proceeding! with { ConductingAuthority = new AuthorityDetails { Name = "Juge" } },
        })));
    }

    [Fact]
    public void Facts_fail_when_missing() =>
        Assert.Equal(["facts"], ContentRules.Facts.Breaches(Context(Mla() with { Facts = null })));

    [Fact]
    public void Facts_are_not_needed_when_every_measure_is_service_of_documents()
    {
        Assert.Empty(ContentRules.Facts.Breaches(Context(Mla() with { Facts = null, Measures = [Measure.ServiceOfDocuments] })));
        Assert.Equal(["facts"], ContentRules.Facts.Breaches(Context(Mla() with { Facts = null, Measures = [Measure.ServiceOfDocuments, Measure.TakingEvidence] })));
        Assert.Equal(["facts"], ContentRules.Facts.Breaches(Context(Mla() with { Facts = null, Measures = [] })));
    }

    [Fact]
    public void AssistanceSought_needs_a_measure_and_a_description() =>
        Assert.Equal(["measures", "assistanceSought"], ContentRules.AssistanceSought.Breaches(Context(Mla() with { Measures = null, AssistanceSought = "" })));

    [Fact]
    public void PersonsConcerned_warns_without_persons_and_names_each_incomplete_person()
    {
        Assert.Equal(["persons"], ContentRules.PersonsConcerned.Breaches(Context(Mla() with { Persons = null })));
        Assert.Equal(["persons[1]"], ContentRules.PersonsConcerned.Breaches(Context(Mla() with
        {
            Persons = [Mla().Persons![0], new PersonDetails { Name = "X", Location = "Y" }],
        })));
    }

    [Fact]
    public void Purpose_fails_when_missing() =>
        Assert.Equal(["purpose"], ContentRules.Purpose.Breaches(Context(Mla() with { Purpose = null })));
}
