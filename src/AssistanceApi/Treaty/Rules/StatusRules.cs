using AssistanceApi.Domain;
using static AssistanceApi.Treaty.Rules.TreatyRule;

namespace AssistanceApi.Treaty.Rules;

/// <summary>Who may be asked, and through which office and language.</summary>
public static class StatusRules
{
    public static readonly TreatyRule ConventionInForce = new("uncc-65-1", AllKinds, Severity.Error, BasisKind.Treaty, ctx =>
        ctx.Request.EffectiveLegalBasis != LegalBasis.Convention
            ? []
            : new[] { ctx.RequestingState, ctx.RequestedState }
                .Where(s => !s.IsPartyInForceOn(ctx.Today))
                .Select(s => new Breach("legalBasis",
                    $"the Convention is not in force for {s.Code} ({s.Name}) on {ctx.Today:yyyy-MM-dd}; " +
                    "use another legal basis (bilateral-treaty, reciprocity) or wait until both States are Parties.")));

    public static readonly TreatyRule CentralAuthorityDesignated = Require("uncc-40-13", MutualLegalAssistance, BasisKind.Treaty, "requestedState",
        ctx => ctx.RequestedState.HasCentralAuthority,
        "the requested State has designated no central authority to receive requests for mutual legal assistance.");

    // Art. 41 obliges every Party to designate a 24/7 point; that an expedited request goes out only to a State which
    // has one is this API's choice: without it nobody is there to act within hours on volatile data.
    public static readonly TreatyRule ContactPointDesignated = Require("uncc-41-1",
        new HashSet<RequestKind> { RequestKind.ExpeditedPreservation, RequestKind.TrafficDataDisclosure }, BasisKind.Design, "requestedState",
        ctx => ctx.RequestedState.HasContactPoint,
        "the requested State has designated no 24/7 point of contact for expedited preservation and disclosure.");

    // A request in a language the requested State does not accept still reaches it in writing it can read when a
    // translation into one it accepts is attached (the translation is the request as that State reads it).
    public static readonly TreatyRule AcceptedLanguage = new("uncc-40-14", AllKinds, Severity.Error, BasisKind.Treaty, ctx =>
        ctx.Request.Language is { } language && ctx.RequestedState.AcceptedLanguages.Contains(language)
        || DocumentRules.HasAcceptedTranslation(ctx)
            ? []
            : [new Breach("language",
                $"the request must be in a language the requested State accepts, or carry a translation document into one: " +
                $"{(ctx.RequestedState.AcceptedLanguages.Count == 0 ? "it has notified none" : string.Join(", ", ctx.RequestedState.AcceptedLanguages))}.")]);

    public static IEnumerable<TreatyRule> All => [ConventionInForce, CentralAuthorityDesignated, ContactPointDesignated, AcceptedLanguage];
}
