using System.Data.Common;
using System.Text.Json;
using AssistanceApi.Auth;
using AssistanceApi.Persistence;
using Dapper;

namespace AssistanceApi.Audit;

/// <summary>
/// Collects the events a write command records; the transaction behaviour appends them to each
/// request's hash chain inside the same transaction, so a change and its event commit together.
/// </summary>
public sealed class AuditTrail(TimeProvider clock, Database database)
{
    private readonly List<PendingEvent> _pending = [];

    public void Record(Guid requestId, string action, Caller actor, string? fromStatus, string? toStatus, object? details = null) =>
        _pending.Add(new PendingEvent(requestId, action, actor, fromStatus, toStatus, details));

    private readonly List<AuditEvent> _sealed = [];

    /// <summary>
    /// The first event of a new request's chain. Nothing precedes it, so it is complete, hash and all, before
    /// the transaction starts; <see cref="Append"/> adds it to the transaction.
    /// </summary>
    public static AuditEvent Creation(Guid requestId, Caller actor, string status, DateTimeOffset at)
    {
        var entry = new AuditEvent
        {
            RequestId = requestId, Sequence = 1, At = at, Action = "create", ActorState = actor.State,
            ActorClient = actor.ClientId, ToStatus = status, Details = "{}", PreviousHash = AuditHash.Genesis,
        };
        entry.Hash = AuditHash.Compute(entry);
        return entry;
    }

    /// <summary>Adds an event built by <see cref="Creation"/> to the current transaction.</summary>
    public void Append(AuditEvent first) => _sealed.Add(first);

    private readonly List<PendingAdminEvent> _pendingAdmin = [];

    /// <summary>
    /// A change to a State's clients or directory entry, appended to that State's admin log (<see cref="AdminLog"/>);
    /// actor null: the server's CLI.
    /// </summary>
    public void RecordAdmin(string log, string action, string target, Caller? actor, object details) =>
        _pendingAdmin.Add(new PendingAdminEvent(log, action, target, actor, details));

    internal void Clear()
    {
        _sealed.Clear();
        _pending.Clear();
        _pendingAdmin.Clear();
    }

    internal async Task FlushAsync(DbConnection connection, DbTransaction transaction)
    {
        foreach (var entry in _sealed) await InsertAsync(connection, transaction, entry);
        foreach (var pending in _pending)
        {
            var last = await TipAsync(connection, transaction, pending.RequestId);
            var entry = new AuditEvent
            {
                RequestId = pending.RequestId,
                Sequence = (last?.Sequence ?? 0) + 1,
                At = clock.Now(),
                Action = pending.Action,
                ActorState = pending.Actor.State,
                ActorClient = pending.Actor.ClientId,
                FromStatus = pending.FromStatus,
                ToStatus = pending.ToStatus,
                Details = JsonSerializer.Serialize(pending.Details ?? new { }, AuditHash.Json),
                PreviousHash = last?.Hash ?? AuditHash.Genesis,
            };
            entry.Hash = AuditHash.Compute(entry);
            await InsertAsync(connection, transaction, entry);
        }
        foreach (var admin in _pendingAdmin)
            await AdminLog.AppendAsync(connection, transaction, database.Dialect, admin.Log, admin.Action, admin.Target, admin.Actor,
                JsonSerializer.Serialize(admin.Details, Host.JsonDefaults.Options), clock.Now());
        Clear();
    }

    private static Task InsertAsync(DbConnection connection, DbTransaction transaction, AuditEvent entry) =>
        connection.ExecuteAsync(
            """
            INSERT INTO request_events (request_id, sequence, at, action, actor_state, actor_client, from_status, to_status, details, previous_hash, hash)
            VALUES (@RequestId, @Sequence, @At, @Action, @ActorState, @ActorClient, @FromStatus, @ToStatus, @Details, @PreviousHash, @Hash)
            """, entry, transaction);

    /// <summary>The last event of a request's chain, with the request row locked so no other writer appends meanwhile.</summary>
    private async Task<ChainTip?> TipAsync(DbConnection connection, DbTransaction transaction, Guid requestId)
    {
        if (database.Dialect.LockRequest.Length > 0)
            await connection.ExecuteAsync(database.Dialect.LockRequest, new { id = requestId }, transaction);
        return await connection.QuerySingleOrDefaultAsync<ChainTip>(
            "SELECT sequence AS Sequence, hash AS Hash FROM request_events WHERE request_id = @id ORDER BY sequence DESC LIMIT 1",
            new { id = requestId }, transaction);
    }

    private sealed record PendingAdminEvent(string Log, string Action, string Target, Caller? Actor, object Details);

    private sealed record PendingEvent(Guid RequestId, string Action, Caller Actor, string? FromStatus, string? ToStatus, object? Details);

    private sealed class ChainTip
    {
        public long Sequence { get; init; }
        public string Hash { get; init; } = "";
    }
}
