using AssistanceApi.Auth;
using AssistanceApi.Domain;
using AssistanceApi.Domain.Events;
using AssistanceApi.Events;
using AssistanceApi.Http;

namespace AssistanceApi.Webhooks;

/// <summary>
/// Whether a subscription's owner (a State and a role) may see an event, as a client of that State and role reading
/// the feed would: a request's event by <see cref="EventVisibility"/> (the request's States, the kinds the office
/// handles), an admin event by its State's state-admin. A third State never gets a delivery, so never learns the event exists.
/// </summary>
public static class EventAudienceRule
{
    public static bool MaySee(string ownerState, string ownerRole, StoredEvent e)
    {
        if (e.Audience == StoredAudience.Request)
            return AccessRules.OfficeOf(new Caller(Guid.Empty, ownerState, ownerRole)) is { } office
                   && e is { RequestingState: { } requesting, RequestedState: { } requested }
                   && WireName.TryParse<RequestKind>(e.Kind ?? "", out var kind)
                   && WireName.TryParse<RequestStatus>(e.Status ?? "", out var status)
                   && EventVisibility.MaySee(ownerState, office, requesting, requested, kind, status);
        return ownerRole == ClientRoles.StateAdmin && e.Audience == StoredAudience.StateAdmin(ownerState);
    }
}

/// <summary>What the dispatcher sends for an event: the body of its deliveries.</summary>
public static class DispatchedEvent
{
    public static string ToPayload(this StoredEvent e) => WebhookDeliveries.Payload(e.Id, e.Type, e.OccurredAt, e.ActorState, e.ActorRole,
        System.Text.Json.Nodes.JsonNode.Parse(e.Data),
        e.RequestId is { } requestId ? new WebhookDeliveries.RequestFields(requestId, e.Reference, e.RequestingState, e.RequestedState, e.Status) : null);
}
