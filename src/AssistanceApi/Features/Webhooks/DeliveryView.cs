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

    /// <summary>Every attempt made so far, oldest first.</summary>
    // The earlier ones are rows of webhook_attempts; the last is kept on the delivery row itself.
    public IReadOnlyList<AttemptView> Attempts => [.. Earlier, .. Last];

    [System.Text.Json.Serialization.JsonIgnore] public IReadOnlyList<AttemptView> Earlier { get; set; } = [];

    [System.Text.Json.Serialization.JsonIgnore] public DateTimeOffset? LastAttemptAt { get; init; }
    [System.Text.Json.Serialization.JsonIgnore] public int? LastStatusCode { get; init; }
    [System.Text.Json.Serialization.JsonIgnore] public int? LastDurationMs { get; init; }
    [System.Text.Json.Serialization.JsonIgnore] public string? LastError { get; init; }

    private IEnumerable<AttemptView> Last => LastAttemptAt is { } at
        ? [new AttemptView { DeliveryId = Id, Attempt = AttemptCount, At = at, StatusCode = LastStatusCode, DurationMs = LastDurationMs ?? 0, Error = LastError }]
        : [];

    public const string Columns =
        "id AS Id, event_id AS EventId, event_type AS EventType, status AS Status, attempt_count AS AttemptCount, " +
        "next_attempt_at AS NextAttemptAt, created_at AS CreatedAt, delivered_at AS DeliveredAt, last_attempt_at AS LastAttemptAt, " +
        "last_status_code AS LastStatusCode, last_duration_ms AS LastDurationMs, last_error AS LastError";
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

    public const string Columns =
        "a.delivery_id AS DeliveryId, a.attempt AS Attempt, a.at AS At, a.status_code AS StatusCode, a.duration_ms AS DurationMs, a.error AS Error";
}
