using System.Data.Common;
using System.Text.Json;
using AssistanceApi.Auth;
using AssistanceApi.Events;
using AssistanceApi.Persistence;
using Dapper;

namespace AssistanceApi.Audit;

/// <summary>
/// Collects the events a write command records; the transaction behaviour appends them to each
/// request's hash chain inside the same transaction, so a change, its event and the chain tip commit together.
/// Each event is signed with the chain key over the request as the change found it and as it left it.
/// </summary>
/// <remarks>The chain key is resolved when an event is first signed, not when the trail is built: a read never needs it.
/// The admin log is signed with it too, so a CLI command that changes clients needs the server's key.</remarks>
public sealed class AuditTrail(TimeProvider clock, Database database, Lazy<ChainKeys> chainKeys, UnitOfWork unit, EventOutbox events) : IPendingWrites
{
    private readonly Dictionary<Guid, string> _before = [];

    /// <summary>
    /// Locks the request and notes its digest as the change finds it. Every change that records an event calls this
    /// before it writes, so the event signs what it started from and an edit made behind the API's back stays visible.
    /// </summary>
    public async Task BeforeChangeAsync(Guid requestId)
    {
        if (_before.ContainsKey(requestId)) return;
        if (database.Dialect.LockRequest.Length > 0)
            await unit.Connection.ExecuteAsync(database.Dialect.LockRequest, new { id = requestId }, unit.Transaction);
        var state = await RequestState.LoadAsync(unit.Connection, requestId, unit.Transaction);
        if (state is not null) _before[requestId] = state.Digest();
    }

    private readonly List<PendingEvent> _pending = [];

    /// <summary>
    /// An event of a request's chain, after <see cref="BeforeChangeAsync"/> for that request; a message event passes
    /// <see cref="AuditHash.MessageDigest"/> of its message; <paramref name="at"/>, the time of the change (else when it is appended).
    /// </summary>
    public void Record(Guid requestId, string action, Caller actor, string? fromStatus, string? toStatus, object? details = null,
        string? messageDigest = null, DateTimeOffset? at = null) =>
        _pending.Add(new PendingEvent(requestId, action, actor, fromStatus, toStatus, details, messageDigest, at));

    private readonly List<AuditEvent> _sealed = [];

    /// <summary>
    /// The first event of a new request's chain. Nothing precedes it, so it is complete, hash and all, before
    /// the transaction starts; <see cref="Append"/> adds it to the transaction, and the request row is inserted
    /// with the chain tip <see cref="ChainStart.Seal"/> already set.
    /// </summary>
    public static ChainStart Creation(RequestState created, Caller actor, ChainKeys keys)
    {
        var entry = new AuditEvent
        {
            RequestId = created.Id, Sequence = 1, At = created.CreatedAt, Action = "create", ActorState = actor.State,
            ActorClient = actor.ClientId, ToStatus = created.Status, Details = "{}", PreviousHash = AuditHash.Genesis,
            StateDigest = created.Digest(),
        };
        AuditHash.Sign(entry, keys, messageDigest: null);
        return new ChainStart(entry, keys.Seal(RequestState.TipSeal(created.Id, 1, entry.Hash)));
    }

    /// <summary>Adds an event built by <see cref="Creation"/> to the current transaction.</summary>
    public void Append(AuditEvent first) => _sealed.Add(first);

    private readonly List<PendingAdminEvent> _pendingAdmin = [];

    /// <summary>
    /// A change to a State's clients or directory entry, appended to that State's admin log (<see cref="AdminLog"/>);
    /// actor null: the server's CLI. Its event goes to the outbox with it, for the State's administrator or the secretariat.
    /// </summary>
    public void RecordAdmin(string log, string action, string target, Caller? actor, object details)
    {
        _pendingAdmin.Add(new PendingAdminEvent(log, action, target, actor, details));
        events.Add(new OutboxEvent(AdminLogs.EventTypeOf(action), clock.Now())
        {
            ActorState = actor?.State, ActorRole = actor?.Role ?? AdminLogs.Operator,
            AudienceState = log == AdminLogs.Secretariat ? null : log, Data = new { target },
        });
    }

    void IPendingWrites.Clear() => Forget();

    private void Forget()
    {
        _sealed.Clear();
        _pending.Clear();
        _before.Clear();
        _pendingAdmin.Clear();
    }

    async Task IPendingWrites.FlushAsync(DbConnection connection, DbTransaction transaction)
    {
        foreach (var entry in _sealed) await InsertAsync(connection, transaction, entry);
        var tips = new Dictionary<Guid, Tip>();
        foreach (var pending in _pending)
        {
            if (!tips.TryGetValue(pending.RequestId, out var tip))
            {
                if (!_before.TryGetValue(pending.RequestId, out var before))
                    throw new InvalidOperationException($"An event for request {pending.RequestId} was recorded without BeforeChangeAsync.");
                var state = await RequestState.LoadAsync(connection, pending.RequestId, transaction)
                            ?? throw new InvalidOperationException($"An audit event was recorded for request {pending.RequestId}, which does not exist.");
                tip = new Tip(state.ChainLength, state.ChainTip.Length > 0 ? state.ChainTip : AuditHash.Genesis, before, state.Digest());
            }
            var entry = new AuditEvent
            {
                RequestId = pending.RequestId,
                Sequence = tip.Length + 1,
                At = pending.At ?? clock.Now(),
                Action = pending.Action,
                ActorState = pending.Actor.State,
                ActorClient = pending.Actor.ClientId,
                FromStatus = pending.FromStatus,
                ToStatus = pending.ToStatus,
                Details = JsonSerializer.Serialize(pending.Details ?? new { }, AuditHash.Json),
                PreviousHash = tip.LastHash,
                PriorDigest = tip.PriorDigest,
                StateDigest = tip.StateDigest,
            };
            AuditHash.Sign(entry, chainKeys.Value, pending.MessageDigest);
            await InsertAsync(connection, transaction, entry);
            // A second event of the same request in this unit starts from the state the first left.
            tips[pending.RequestId] = tip with { Length = entry.Sequence, LastHash = entry.Hash, PriorDigest = tip.StateDigest };
        }
        foreach (var (requestId, tip) in tips)
            await connection.ExecuteAsync(
                "UPDATE requests SET chain_length = @Length, chain_tip = @LastHash, chain_seal = @seal WHERE id = @id",
                new { id = requestId, tip.Length, tip.LastHash, seal = chainKeys.Value.Seal(RequestState.TipSeal(requestId, tip.Length, tip.LastHash)) },
                transaction);
        foreach (var admin in _pendingAdmin)
            await AdminLog.AppendAsync(connection, transaction, database.Dialect, admin.Log, admin.Action, admin.Target, admin.Actor,
                JsonSerializer.Serialize(admin.Details, Http.JsonDefaults.Options), clock.Now(), chainKeys.Value);
        Forget();
    }

    private static Task InsertAsync(DbConnection connection, DbTransaction transaction, AuditEvent entry) =>
        connection.ExecuteAsync(
            """
            INSERT INTO request_events (request_id, sequence, at, action, actor_state, actor_client, from_status, to_status, details, previous_hash,
                                        prior_digest, state_digest, key_id, hash)
            VALUES (@RequestId, @Sequence, @At, @Action, @ActorState, @ActorClient, @FromStatus, @ToStatus, @Details, @PreviousHash,
                    @PriorDigest, @StateDigest, @KeyId, @Hash)
            """, entry, transaction);

    private sealed record PendingAdminEvent(string Log, string Action, string Target, Caller? Actor, object Details);

    private sealed record PendingEvent(
        Guid RequestId, string Action, Caller Actor, string? FromStatus, string? ToStatus, object? Details, string? MessageDigest, DateTimeOffset? At);

    private sealed record Tip(long Length, string LastHash, string PriorDigest, string StateDigest);
}

/// <summary>A new request's first event and the seal of its one-event chain.</summary>
public sealed record ChainStart(AuditEvent FirstEvent, string Seal);
