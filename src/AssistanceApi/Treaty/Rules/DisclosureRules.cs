using AssistanceApi.Domain;

namespace AssistanceApi.Treaty.Rules;

/// <summary>Expedited disclosure of traffic data follows the preservation it concerns (Art. 43(1)).</summary>
public static class DisclosureRules
{
    public static readonly TreatyRule FollowsPreservation = new("uncc-43-1",
        new HashSet<RequestKind> { RequestKind.TrafficDataDisclosure }, Severity.Error, BasisKind.Treaty, ctx =>
            ctx.Related is { Kind: RequestKind.ExpeditedPreservation } related
            && related.RequestingState == ctx.RequestingState.Code && related.RequestedState == ctx.RequestedState.Code
            && related.Status is not (RequestStatus.Draft or RequestStatus.Discarded)
                ? []
                : [new Breach("relatedRequestId",
                    "name the expedited preservation request (submitted by this State to the same requested State) whose traffic data is to be disclosed.")]);

    public static IEnumerable<TreatyRule> All => [FollowsPreservation];
}
