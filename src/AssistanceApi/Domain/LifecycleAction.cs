namespace AssistanceApi.Domain;

/// <summary>The columns an action stamps with the time it is taken, beyond status, version and progress.</summary>
[Flags]
public enum Stamps { None = 0, SubmittedAt = 1, AcknowledgedAt = 2 }

/// <summary>
/// A row of the lifecycle table (contract section 4). <see cref="Name"/> is its wire name (route, allowedActions,
/// audit event). <see cref="To"/> null: decided by the action's body. <see cref="Guard"/>: a condition beyond the
/// status. <see cref="Stamps"/>: the time columns it sets; entering a terminal status always sets closedAt.
/// <see cref="ProvisionId"/> null: a matter of this API, not of the treaty (changing or discarding a draft).
/// </summary>
public sealed record LifecycleAction(
    string Name, Side By, IReadOnlySet<RequestStatus> From, RequestStatus? To, string? ProvisionId,
    IReadOnlySet<RequestKind>? Kinds = null, LifecycleGuard? Guard = null, Stamps Stamps = Stamps.None)
{
    /// <summary>An action on a draft only: its refusals speak of the draft (not-a-draft), not of the exchange.</summary>
    public bool OnDraftOnly => From.Count == 1 && From.Contains(RequestStatus.Draft);

    /// <summary>Whether a State on <paramref name="side"/> takes this action: <see cref="Side.Either"/> means either State, not the clock.</summary>
    public bool IsTakenBy(Side side) => By == Side.Either ? side is Side.Requesting or Side.Requested : By == side;

    public override string ToString() => Name;
}
