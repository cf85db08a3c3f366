namespace AssistanceApi.Features.Webhooks;

/// <summary>One event on its way to one subscription, with every attempt made so far.</summary>
public sealed class DeliveryView
{
    public Guid Id { get; init; }

    /// <summary>The event's id, sent as webhook-id on every attempt.</summary>
    public Guid EventId { get; init; }

    public string EventType { get; init; } = "";

    /// <summary>pending (an attempt is due at nextAttemptAt), delivered, or failed (every retry failed).</summary>
    public string Status { get; init; } = "";

    public int AttemptCount { get; init; }
    public DateTimeOffset? NextAttemptAt { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? DeliveredAt { get; init; }
    public IReadOnlyList<AttemptView> Attempts { get; set; } = [];

    public const string Columns =
        "id AS Id, event_id AS EventId, event_type AS EventType, status AS Status, attempt_count AS AttemptCount, " +
        "next_attempt_at AS NextAttemptAt, created_at AS CreatedAt, delivered_at AS DeliveredAt";
}

/// <summary>One HTTP attempt: the receiver's status code (none when it could not be reached), how long it took, and what went wrong.</summary>
public sealed class AttemptView
{
    [System.Text.Json.Serialization.JsonIgnore] public Guid DeliveryId { get; init; }
    public int Attempt { get; init; }
    public DateTimeOffset At { get; init; }
    public int? StatusCode { get; init; }
    public int DurationMs { get; init; }
    public string? Error { get; init; }
}
