using AssistanceApi.Domain;
using AssistanceApi.Domain.Documents;
using AssistanceApi.Treaty.Rules;
using static AssistanceApi.Tests.Treaty.Rules.RuleKit;

namespace AssistanceApi.Tests.Treaty.Rules;

/// <summary>Art. 40(14): the signed letter a requested State requires, and a translation into a language it accepts.</summary>
public sealed class DocumentRulesTests
{
    private static State RequiringLetter => Party("DEU") with
    {
        AcceptedLanguages = ["de", "en"], Declarations = new Declarations { RequiresRequestLetter = true },
    };

    private static AttachedDocument Letter(string language = "en", bool superseded = false) => new(DocumentPurpose.RequestLetter, language, superseded);

    [Fact]
    public void RequestLetter_passes_with_a_current_letter_when_the_requested_State_requires_one() =>
        Assert.Empty(DocumentRules.RequestLetter.Breaches(Context(Mla(), requested: RequiringLetter) with { Documents = [Letter()] }));

    [Fact]
    public void RequestLetter_passes_without_a_letter_when_the_requested_State_requires_none() =>
        Assert.Empty(DocumentRules.RequestLetter.Breaches(Context(Mla(), requested: RequiringLetter with { Declarations = new Declarations() })));

    [Fact]
    public void RequestLetter_fails_without_a_letter_or_with_only_a_superseded_one()
    {
        var none = Context(Mla(), requested: RequiringLetter) with { Documents = [new AttachedDocument(DocumentPurpose.Supporting, null, false)] };
        Assert.Equal(["documents"], DocumentRules.RequestLetter.Breaches(none));
        Assert.Equal("the requested State requires the signed letter of request: attach it as a request-letter document.",
            DocumentRules.RequestLetter.Messages(none).Single());
        Assert.Equal(["documents"], DocumentRules.RequestLetter.Breaches(Context(Mla(), requested: RequiringLetter) with { Documents = [Letter(superseded: true)] }));
    }

    [Fact]
    public void AcceptedLanguage_passes_a_request_in_another_language_with_a_translation_into_an_accepted_one()
    {
        var context = Context(Mla() with { Language = "fr" }, requested: RequiringLetter) with
        {
            Documents = [Letter("fr"), new AttachedDocument(DocumentPurpose.Translation, "de", false)],
        };
        Assert.Empty(StatusRules.AcceptedLanguage.Breaches(context));
        Assert.Empty(DocumentRules.RequestLetter.Breaches(context));
    }

    [Fact]
    public void AcceptedLanguage_fails_when_the_only_translation_is_into_another_language_or_superseded()
    {
        Assert.Equal(["language"], StatusRules.AcceptedLanguage.Breaches(Context(Mla() with { Language = "fr" }, requested: RequiringLetter) with
        {
            Documents = [Letter("fr"), new AttachedDocument(DocumentPurpose.Translation, "es", false)],
        }));
        Assert.Equal(["language"], StatusRules.AcceptedLanguage.Breaches(Context(Mla() with { Language = "fr" }, requested: RequiringLetter) with
        {
            Documents = [Letter("fr"), new AttachedDocument(DocumentPurpose.Translation, "de", true)],
        }));
    }

    [Fact]
    public void The_document_rule_cites_40_14_on_a_treaty_basis()
    {
        Assert.Equal("uncc-40-14", DocumentRules.RequestLetter.ProvisionId);
        Assert.Equal(AssistanceApi.Treaty.BasisKind.Treaty, DocumentRules.RequestLetter.Basis);
    }
}
