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
    public string Hash { get; set; } = "";
}
