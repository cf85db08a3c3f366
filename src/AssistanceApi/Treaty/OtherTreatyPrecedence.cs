using AssistanceApi.Domain;

namespace AssistanceApi.Treaty;

/// <summary>
/// Art. 40(7): paragraphs 9 to 29 of Art. 40 apply where the two States are not bound by a treaty of mutual legal
/// assistance; where they are, that treaty applies instead. A request resting on such a treaty is therefore only
/// warned about what those paragraphs ask. The range follows UNTOC 18(7); the catalogue marks its numbering unverified.
/// </summary>
public static class OtherTreatyPrecedence
{
    public const string ProvisionId = "uncc-40-7";
    public const int FirstParagraph = 9;
    public const int LastParagraph = 29;

    public static bool Applies(LegalBasis basis) => basis == LegalBasis.BilateralTreaty;

    /// <summary>Whether the provision is one of the paragraphs another treaty displaces.</summary>
    public static bool Displaces(Provision provision) =>
        provision is { Instrument: "UNCC", Article: 40 }
        && int.TryParse(provision.Paragraph, out var paragraph)
        && paragraph is >= FirstParagraph and <= LastParagraph;
}
