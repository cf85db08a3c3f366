namespace AssistanceApi.Idempotency;

/// <summary>The Idempotency-Key of the current POST and the fingerprint of what was sent with it. Scoped.</summary>
public sealed class IdempotencyContext
{
    public const string Header = "Idempotency-Key";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public string? Key { get; set; }
    public string? Fingerprint { get; set; }
    public Guid ClientId { get; set; }
}
