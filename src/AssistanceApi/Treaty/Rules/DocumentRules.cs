using AssistanceApi.Domain.Documents;
using static AssistanceApi.Treaty.Rules.TreatyRule;

namespace AssistanceApi.Treaty.Rules;

/// <summary>
/// The documents a request must carry (Art. 40(14): in writing, in a language the requested State accepts, under
/// conditions allowing it to establish authenticity), where the requested State has declared it needs them.
/// </summary>
public static class DocumentRules
{
    /// <summary>The name findings about attached documents carry: the request's documents sub-resource.</summary>
    public const string Field = "documents";

    // Authenticity is established by the signed letter, where the requested State says so in its declarations.
    public static readonly TreatyRule RequestLetter = Require("uncc-40-14", AllKinds, BasisKind.Treaty, Field,
        ctx => ctx.RequestedState.Declarations.RequiresRequestLetter != true
               || ctx.CurrentDocuments.Any(d => d.Purpose == DocumentPurpose.RequestLetter),
        "the requested State requires the signed letter of request: attach it as a request-letter document.");

    /// <summary>
    /// A translation into a language the requested State accepts: what makes a request in another language acceptable
    /// (<see cref="StatusRules.AcceptedLanguage"/>).
    /// </summary>
    public static bool HasAcceptedTranslation(RuleContext ctx) =>
        ctx.CurrentDocuments.Any(d => d.Purpose == DocumentPurpose.Translation && d.Language is { } l && ctx.RequestedState.AcceptedLanguages.Contains(l));

    public static IEnumerable<TreatyRule> All => [RequestLetter];
}
