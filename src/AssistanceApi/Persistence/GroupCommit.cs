using System.Data.Common;
using System.Threading.Channels;

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
    private readonly Channel<Unit> _queue = Channel.CreateUnbounded<Unit>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;
    private DbConnection? _connection;
    private long _batches;

    public GroupCommit(Database database)
    {
        _database = database;
        _loop = Task.Run(LoopAsync);
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

    private async Task LoopAsync()
    {
        var batch = new List<Unit>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var unit))
                if (!unit.Cancellation.IsCancellationRequested) batch.Add(unit);
                else unit.Completion.TrySetCanceled(unit.Cancellation);
            if (batch.Count > 0) await CommitAsync(batch);
        }
    }

    private async Task CommitAsync(List<Unit> batch)
    {
        var done = new List<(Unit Unit, object? Result)>(batch.Count);
        try
        {
            var connection = _connection ??= await _database.OpenForWritingAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            for (var i = 0; i < batch.Count; i++)
            {
                var unit = batch[i];
                var savepoint = $"unit{i}";
                await transaction.SaveAsync(savepoint);
                try
                {
                    done.Add((unit, await unit.Work(connection, transaction)));
                    await transaction.ReleaseAsync(savepoint);
                }
                catch (Exception e)
                {
                    await transaction.RollbackAsync(savepoint);
                    await transaction.ReleaseAsync(savepoint);
                    unit.Completion.TrySetException(e);
                }
            }
            await transaction.CommitAsync();
            Interlocked.Increment(ref _batches);
            LastBatchSize = batch.Count;
            foreach (var (unit, result) in done) unit.Completion.TrySetResult(result);
        }
        catch (Exception e)
        {
            // The batch could not be committed (the database went away, the disk is full): nothing of it is
            // durable, so every unit that had not failed on its own fails with the cause.
            foreach (var unit in batch) unit.Completion.TrySetException(e);
            await DropConnectionAsync();
        }
    }

    /// <summary>The next batch opens a fresh connection: the old one may be what failed.</summary>
    private async Task DropConnectionAsync()
    {
        if (_connection is null) return;
        try { await _connection.DisposeAsync(); }
        catch (Exception) { /* already broken */ }
        _connection = null;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
        await DropConnectionAsync();
    }

    private sealed class Unit(Func<DbConnection, DbTransaction, Task<object?>> work, CancellationToken cancellation)
    {
        public Func<DbConnection, DbTransaction, Task<object?>> Work { get; } = work;
        public CancellationToken Cancellation { get; } = cancellation;
        public TaskCompletionSource<object?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
