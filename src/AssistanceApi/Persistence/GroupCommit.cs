using System.Data.Common;
using System.Diagnostics;
using AssistanceApi.Telemetry;
using System.Threading.Channels;
using Dapper;

namespace AssistanceApi.Persistence;

/// <summary>
/// SQLite's write path: one loop owns the write connection and commits the units of work that arrived
/// together in one transaction, each inside its own SAVEPOINT. A unit that fails rolls back to its savepoint
/// alone and its caller gets its own error; the others complete only once the shared COMMIT is on disk
/// (synchronous=FULL), so a 201 always means durable. One fsync then serves a whole batch instead of one request.
/// </summary>
public sealed class GroupCommit : IAsyncDisposable
{
    public const int MaxBatch = 128;

    private readonly Database _database;
    private readonly TableChanges _changes;
    private readonly Channel<Unit> _queue = Channel.CreateUnbounded<Unit>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DbConnection? _connection;
    private long _batches;

    public GroupCommit(Database database, TableChanges changes)
    {
        _database = database;
        _changes = changes;
        // A thread of its own, not the thread pool: a batch must not queue for a pool thread behind the very
        // HTTP requests that are waiting on it. SQLite's calls are synchronous, so nothing is lost by blocking here.
        new Thread(Loop) { IsBackground = true, Name = "sqlite-group-commit" }.Start();
    }

    /// <summary>Batches committed so far; for tests and diagnostics.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>The size of the last batch committed; for tests and diagnostics.</summary>
    public int LastBatchSize { get; private set; }

    public async Task<T> RunAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken ct)
    {
        var unit = new Unit(async (c, t) => await work(c, t), ct);
        if (!_queue.Writer.TryWrite(unit)) throw new ObjectDisposedException(nameof(GroupCommit));
        return (T)(await unit.Completion.Task)!;
    }

    private void Loop()
    {
        try
        {
            var batch = new List<Unit>(MaxBatch);
            while (_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                batch.Clear();
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var unit))
                    if (!unit.Cancellation.IsCancellationRequested) batch.Add(unit);
                    else unit.Completion.TrySetCanceled(unit.Cancellation);
                if (batch.Count > 0) Commit(batch);
            }
        }
        finally
        {
            _stopped.TrySetResult();
        }
    }

    private void Commit(List<Unit> batch)
    {
        var done = new List<(Unit Unit, object? Result)>(batch.Count);
        try
        {
            var connection = _connection ??= Open();
            using var transaction = connection.BeginTransaction();
            for (var i = 0; i < batch.Count; i++)
            {
                var unit = batch[i];
                var savepoint = $"unit{i}";
                transaction.Save(savepoint);
                try
                {
                    done.Add((unit, unit.Work(connection, transaction).GetAwaiter().GetResult()));
                    transaction.Release(savepoint);
                }
                catch (Exception e)
                {
                    transaction.Rollback(savepoint);
                    transaction.Release(savepoint);
                    unit.Completion.TrySetException(e);
                }
            }
            // Holding the write lock if the batch wrote: no other connection can commit between this and the COMMIT.
            _changes.Committing(connection.ExecuteScalar<long>("PRAGMA data_version", transaction: transaction));
            transaction.Commit();
            _changes.BatchEnded();
            Interlocked.Increment(ref _batches);
            LastBatchSize = batch.Count;
            AssistanceMetrics.GroupCommitted(batch.Count);
            foreach (var (unit, result) in done)
            {
                AssistanceMetrics.GroupCommitWaited(Stopwatch.GetElapsedTime(unit.Queued));
                unit.Completion.TrySetResult(result);
            }
        }
        catch (Exception e)
        {
            // The batch could not be committed (the database went away, the disk is full): nothing of it is
            // durable, so every unit that had not failed on its own fails with the cause.
            _changes.BatchEnded();
            foreach (var unit in batch) unit.Completion.TrySetException(e);
            DropConnection();
        }
    }

    private DbConnection Open()
    {
        var connection = _database.OpenForWritingAsync().GetAwaiter().GetResult();
        if (connection is Microsoft.Data.Sqlite.SqliteConnection sqlite) _changes.Watch(sqlite);
        return connection;
    }

    /// <summary>The next batch opens a fresh connection: the old one may be what failed.</summary>
    private void DropConnection()
    {
        if (_connection is null) return;
        try { _connection.Dispose(); }
        catch (Exception) { /* already broken */ }
        _connection = null;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopped.Task;
        DropConnection();
    }

    private sealed class Unit(Func<DbConnection, DbTransaction, Task<object?>> work, CancellationToken cancellation)
    {
        public Func<DbConnection, DbTransaction, Task<object?>> Work { get; } = work;
        public CancellationToken Cancellation { get; } = cancellation;
        public TaskCompletionSource<object?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public long Queued { get; } = Stopwatch.GetTimestamp();
    }
}
