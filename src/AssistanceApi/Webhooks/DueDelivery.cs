namespace AssistanceApi.Webhooks;

/// <summary>
/// A delivery this instance holds the lock of until <see cref="LockedUntil"/>, with what its attempt needs: the
/// payload, where to send it and the sealed secret to sign it with.
/// </summary>
public sealed record DueDelivery
{
    public Guid Id { get; init; }
    public Guid SubscriptionId { get; init; }
    public Guid EventId { get; init; }
    public string Payload { get; init; } = "";
    public int AttemptCount { get; init; }
    public string Url { get; init; } = "";
    public string SecretSealed { get; init; } = "";

    /// <summary>The secret a rotation replaced, while it still signs beside the new one (Webhooks:RotationOverlapHours).</summary>
    public string? PreviousSecretSealed { get; init; }
    public string OwnerState { get; init; } = "";
    public DateTimeOffset LockedUntil { get; init; }
}
