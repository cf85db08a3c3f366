using System.Data.Common;
using System.Text.Json;
using AssistanceApi.Persistence;
using Dapper;

namespace AssistanceApi.Events;

/// <summary>
/// The transactional outbox: what a write command announces is written to the events table in the command's own
/// transaction, just before it commits, so an event exists exactly when its change does. Scoped, like the unit of work.
/// </summary>
public sealed class EventOutbox(Database database, UnitOfWork unit, EventSignal signal) : IPendingWrites
{
    private readonly List<OutboxEvent> _pending = [];

    public void Add(OutboxEvent added) => _pending.Add(added);

    void IPendingWrites.Clear() => _pending.Clear();

    async Task IPendingWrites.FlushAsync(DbConnection connection, DbTransaction transaction)
    {
        if (_pending.Count == 0) return;
        foreach (var added in _pending) await InsertAsync(connection, transaction, database.Dialect, added);
        _pending.Clear();
        // The sequencer numbers committed rows only: wake it once these are.
        // SQLite numbered them at insert: readers may go on once they are committed.
        unit.AfterCommit(database.Dialect.SequencesEvents ? signal.Written : signal.Positioned);
    }

    /// <summary>
    /// Inserts one event; with a dedupe key, only if no event has that key yet (true: this call wrote it). The unique key
    /// decides between instances racing to write the same time-driven event: the second waits for the first and writes nothing.
    /// </summary>
    public static async Task<bool> InsertAsync(DbConnection connection, DbTransaction transaction, Dialect dialect, OutboxEvent added) =>
        await connection.ExecuteAsync(
            $"""
             INSERT INTO events (position, id, type, occurred_at, request_id, reference, requesting_state, requested_state, kind, status,
                                 actor_state, actor_role, audience, data, dedupe_key)
             VALUES ({dialect.NewEventPosition}, @id, @type, @OccurredAt, @RequestId, @Reference, @RequestingState, @RequestedState, @Kind, @Status,
                     @ActorState, @ActorRole, @Audience, @data, @DedupeKey)
             ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
             """,
            new
            {
                id = Ids.Next(added.OccurredAt), type = added.Type.Name, added.OccurredAt, added.RequestId, added.Reference, added.RequestingState,
                added.RequestedState, added.Kind, added.Status, added.ActorState, added.ActorRole, added.Audience,
                data = JsonSerializer.Serialize(added.Data ?? new { }, Http.JsonDefaults.Options), added.DedupeKey,
            },
            transaction) > 0;
}

/// <summary>
/// In-process wake-ups, so nothing waits out a whole poll: <see cref="Written"/> wakes the sequencer as soon as a unit
/// that wrote events has committed (PostgreSQL); <see cref="Positioned"/> wakes readers of the feed's positions (the
/// webhook dispatcher) as soon as new positions are committed. Both also run on their own timers (other instances).
/// </summary>
public sealed class EventSignal
{
    private readonly SemaphoreSlim _written = new(0, 1);
    private readonly SemaphoreSlim _positioned = new(0, 1);

    public void Written() => Release(_written);

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _written.WaitAsync(timeout, ct);

    public void Positioned() => Release(_positioned);

    public Task<bool> WaitPositionedAsync(TimeSpan timeout, CancellationToken ct) => _positioned.WaitAsync(timeout, ct);

    private static void Release(SemaphoreSlim signal)
    {
        if (signal.CurrentCount == 0)
            try { signal.Release(); }
            catch (SemaphoreFullException) { /* already signalled */ }
    }
}
