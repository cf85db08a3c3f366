using AssistanceApi.Domain;
using static AssistanceApi.Treaty.Rules.TreatyRule;

namespace AssistanceApi.Treaty.Rules;

/// <summary>What a request for expedited preservation must specify (Art. 42(2)) and for how long (Art. 42(7)).</summary>
public static class PreservationRules
{
    private static readonly IReadOnlySet<RequestKind> Preservation = new HashSet<RequestKind> { RequestKind.ExpeditedPreservation };

    public static readonly TreatyRule Authority = Require("uncc-42-2-a", Preservation, BasisKind.Treaty, "requestingAuthority.name",
        ctx => Present(ctx.Request.RequestingAuthority?.Name), "name the authority seeking preservation.");

    public static readonly TreatyRule OffenceAndFacts = new("uncc-42-2-b", Preservation, Severity.Error, BasisKind.Treaty, ctx =>
    {
        var missing = new List<Breach>();
        if (ctx.Offences.Count == 0) missing.Add(new("offences", "name the offence that is the subject of the investigation or proceeding."));
        if (!Present(ctx.Request.Facts)) missing.Add(new("facts", "give a brief summary of the related facts."));
        return missing;
    });

    public static readonly TreatyRule DataAndRelationship = new("uncc-42-2-c", Preservation, Severity.Error, BasisKind.Treaty, ctx =>
    {
        var p = ctx.Request.Preservation;
        var missing = new List<Breach>();
        if (!Present(p?.Data)) missing.Add(new("preservation.data", "describe the stored electronic data to be preserved."));
        if (!Present(p?.RelationshipToOffence)) missing.Add(new("preservation.relationshipToOffence", "explain the data's relationship to the offence."));
        return missing;
    });

    public static readonly TreatyRule CustodianOrLocation = Require("uncc-42-2-d", Preservation, BasisKind.Treaty, "preservation.custodian",
        ctx => Present(ctx.Request.Preservation?.Custodian) || Present(ctx.Request.Preservation?.SystemLocation),
        "give any available information identifying the custodian of the data or the location of the system (custodian or systemLocation).");

    public static readonly TreatyRule Necessity = Require("uncc-42-2-e", Preservation, BasisKind.Treaty, "preservation.necessity",
        ctx => Present(ctx.Request.Preservation?.Necessity), "explain why preservation is necessary.");

    public static readonly TreatyRule FollowUpIntended = Require("uncc-42-2-f", Preservation, BasisKind.Treaty, "preservation.followUpIntended",
        ctx => ctx.Request.Preservation?.FollowUpIntended == true,
        "state that a request for mutual legal assistance for the search, seizure or disclosure of the data will follow (followUpIntended: true).");

    public static readonly TreatyRule MinimumPeriod = new("uncc-42-7", Preservation, Severity.Error, BasisKind.Treaty, ctx =>
        ctx.Request.Preservation?.PeriodDays is { } days && days >= ctx.Options.PreservationMinimumDays
            ? []
            : [new Breach("preservation.periodDays", $"ask for preservation of at least {ctx.Options.PreservationMinimumDays} days.")]);

    public static IEnumerable<TreatyRule> All => [Authority, OffenceAndFacts, DataAndRelationship, CustodianOrLocation, Necessity, FollowUpIntended, MinimumPeriod];
}
