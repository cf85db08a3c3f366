using AssistanceApi.Domain;
using AssistanceApi.Treaty.Rules;
using static AssistanceApi.Tests.Treaty.Rules.RuleKit;

namespace AssistanceApi.Tests.Treaty.Rules;

public sealed class StatusRulesTests
{
    [Fact]
    public void ConventionInForce_passes_when_both_States_are_Parties_in_force() =>
        Assert.Empty(StatusRules.ConventionInForce.Breaches(Context(Mla())));

    [Fact]
    public void ConventionInForce_names_each_State_for_which_the_Convention_is_not_in_force()
    {
        var context = Context(Mla(), requested: NonParty("USA"), requesting: Party("FRA") with { InForceOn = Today.AddDays(1) });
        var messages = StatusRules.ConventionInForce.Messages(context);
        Assert.Equal(2, messages.Count);
        Assert.Contains(messages, m => m.StartsWith("the Convention is not in force for FRA (State FRA) on 2026-06-01", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("the Convention is not in force for USA", StringComparison.Ordinal));
        Assert.All(StatusRules.ConventionInForce.Breaches(context), name => Assert.Equal("legalBasis", name));
    }

    [Theory]
    [InlineData(LegalBasis.BilateralTreaty)]
    [InlineData(LegalBasis.Reciprocity)]
    public void ConventionInForce_does_not_govern_another_legal_basis(LegalBasis basis) =>
        Assert.Empty(StatusRules.ConventionInForce.Breaches(Context(Mla() with { LegalBasis = basis }, requested: NonParty("USA"))));

    [Fact]
    public void ConventionInForce_takes_a_missing_legal_basis_as_the_Convention() =>
        Assert.Equal(["legalBasis"], StatusRules.ConventionInForce.Breaches(Context(Mla() with { LegalBasis = null }, requested: NonParty("USA"))));

    [Fact]
    public void CentralAuthorityDesignated_passes_when_the_requested_State_has_one() =>
        Assert.Empty(StatusRules.CentralAuthorityDesignated.Breaches(Context(Mla())));

    [Fact]
    public void CentralAuthorityDesignated_fails_without_one() =>
        Assert.Equal(["requestedState"], StatusRules.CentralAuthorityDesignated.Breaches(Context(Mla(), requested: Party("DEU") with { HasCentralAuthority = false })));

    [Fact]
    public void ContactPointDesignated_passes_when_the_requested_State_has_one() =>
        Assert.Empty(StatusRules.ContactPointDesignated.Breaches(Context(Preservation())));

    [Fact]
    public void ContactPointDesignated_fails_without_one() =>
        Assert.Equal(["requestedState"], StatusRules.ContactPointDesignated.Breaches(Context(Preservation(), requested: Party("DEU") with { HasContactPoint = false })));

    [Fact]
    public void AcceptedLanguage_passes_for_a_language_the_requested_State_accepts() =>
        Assert.Empty(StatusRules.AcceptedLanguage.Breaches(Context(Mla() with { Language = "de" }, requested: Party("DEU") with { AcceptedLanguages = ["de", "en"] })));

    [Fact]
    public void AcceptedLanguage_fails_for_another_language_and_lists_the_accepted_ones()
    {
        var context = Context(Mla() with { Language = "fr" }, requested: Party("DEU") with { AcceptedLanguages = ["de", "en"] });
        Assert.Equal(["language"], StatusRules.AcceptedLanguage.Breaches(context));
        Assert.Equal("the request must be in a language the requested State accepts, or carry a translation document into one: de, en.", StatusRules.AcceptedLanguage.Messages(context).Single());
    }

    [Fact]
    public void AcceptedLanguage_fails_a_missing_language_and_says_when_none_was_notified()
    {
        var context = Context(Mla() with { Language = null }, requested: Party("USA") with { AcceptedLanguages = [] });
        Assert.Equal("the request must be in a language the requested State accepts, or carry a translation document into one: it has notified none.", StatusRules.AcceptedLanguage.Messages(context).Single());
    }
}
