using AssistanceApi.Persistence;
using Dapper;

namespace AssistanceApi.Events;

/// <summary>
/// PostgreSQL's feed order (ADR 0007): gives committed events without a position the next positions, in seq order, a
/// batch at a time. One instance at a time: a transaction-level advisory lock, taken without waiting — another instance
/// holding it is doing the same work. A transaction still in flight is invisible to the UPDATE, so its events are
/// numbered after it commits, above every position a reader may already have seen: no reader ever sees a lower
/// position appear later. Wakes as soon as a local unit committed events, else every <see cref="Tick"/> (other instances' events).
/// </summary>
public sealed class EventSequencer(Database database, EventSignal signal, ILogger<EventSequencer> log) : BackgroundService
{
    public static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(150);

    /// <summary>The advisory lock's key: any constant no other lock uses.</summary>
    private const long LockKey = 0x6576656E7473; // "events"

    private const int Batch = 1000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!database.Dialect.SequencesEvents) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A full batch: more may be waiting, go on at once.
                if (await SequenceAsync(stoppingToken) == Batch) continue;
                await signal.WaitAsync(Tick, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Numbering events failed; retrying.");
                await Task.Delay(Tick, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Numbers what is committed and unnumbered now; 0 if another instance holds the lock. For tests, too.</summary>
    public async Task<int> SequenceAsync(CancellationToken ct)
    {
        if (!database.Dialect.SequencesEvents) return 0;
        await using var connection = await database.OpenForWritingAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT pg_try_advisory_xact_lock(@key)", new { key = LockKey }, transaction, cancellationToken: ct)))
            return 0;
        var numbered = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE events e SET position = base.last + next.n
            FROM (SELECT seq, row_number() OVER (ORDER BY seq) AS n
                  FROM (SELECT seq FROM events WHERE position IS NULL ORDER BY seq LIMIT @batch) waiting) next,
                 (SELECT COALESCE(MAX(position), 0) AS last FROM events) base
            WHERE e.seq = next.seq
            """, new { batch = Batch }, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
        if (numbered > 0) signal.Positioned();
        return numbered;
    }
}
