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
    public static bool MaySee(string ownerState, string ownerRole, DispatchedEvent e)
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

/// <summary>An event row as the dispatcher reads it.</summary>
public sealed class DispatchedEvent
{
    public long Position { get; init; }
    public Guid Id { get; init; }
    public string Type { get; init; } = "";
    public DateTimeOffset OccurredAt { get; init; }
    public Guid? RequestId { get; init; }
    public string? Reference { get; init; }
    public string? RequestingState { get; init; }
    public string? RequestedState { get; init; }
    public string? Kind { get; init; }
    public string? Status { get; init; }
    public string? ActorState { get; init; }
    public string? ActorRole { get; init; }
    public string Audience { get; init; } = "";
    public string Data { get; init; } = "{}";

    public const string Columns =
        "position AS Position, id AS Id, type AS Type, occurred_at AS OccurredAt, request_id AS RequestId, reference AS Reference, " +
        "requesting_state AS RequestingState, requested_state AS RequestedState, kind AS Kind, status AS Status, " +
        "actor_state AS ActorState, actor_role AS ActorRole, audience AS Audience, data AS Data";

    public string ToPayload() => WebhookDeliveries.Payload(Id, Type, OccurredAt, ActorState, ActorRole, System.Text.Json.Nodes.JsonNode.Parse(Data),
        RequestId is { } requestId ? new WebhookDeliveries.RequestFields(requestId, Reference, RequestingState, RequestedState, Status) : null);
}
