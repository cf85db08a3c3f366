using AssistanceApi.Auth;
using AssistanceApi.Domain.Events;
using AssistanceApi.Events;

namespace AssistanceApi.Features.Requests;

/// <summary>A request's event, thin: its identity, States, kind and status as the change left it, and who acted — never its content.</summary>
public static class RequestEvents
{
    public static OutboxEvent Of(EventType type, RequestRecord row, Caller actor, DateTimeOffset at, object? data = null, string? dedupeKey = null) =>
        new(type, at)
        {
            RequestId = row.Id, Reference = row.Reference, RequestingState = row.RequestingState, RequestedState = row.RequestedState,
            Kind = row.Kind, Status = row.Status, ActorState = actor.State, ActorRole = actor.Role, Data = data, DedupeKey = dedupeKey,
        };
}
