namespace AssistanceApi.Audit;

public sealed class AuditEvent
{
    public Guid RequestId { get; init; }
    public long Sequence { get; init; }
    public DateTimeOffset At { get; init; }
    public string Action { get; init; } = "";
    public string? ActorState { get; init; }
    public Guid ActorClient { get; init; }
    public string? FromStatus { get; init; }
    public string? ToStatus { get; init; }
    public string Details { get; init; } = "{}";
    public string PreviousHash { get; init; } = "";

    /// <summary>
    /// SHA-256 of the request as this change found it; it must be the digest the event before recorded, so an edit made
    /// between two changes is not signed over by the second. Null on a chain's first event and on unkeyed events.
    /// </summary>
    public string? PriorDigest { get; init; }

    /// <summary>SHA-256 of the request as this change left it (<see cref="RequestState.Digest"/>); null on unkeyed events.</summary>
    public string? StateDigest { get; init; }

    /// <summary>The chain key that signed <see cref="Hash"/>; null for the unkeyed SHA-256 chain written before keys existed.</summary>
    public string? KeyId { get; set; }

    public string Hash { get; set; } = "";
}
