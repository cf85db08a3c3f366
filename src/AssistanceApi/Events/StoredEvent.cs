namespace AssistanceApi.Events;

/// <summary>An event row as its readers (the feed, the webhook dispatcher) read it, with the columns that fill it.</summary>
public sealed class StoredEvent
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
}
