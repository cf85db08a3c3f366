using System.Data.Common;
using Dapper;

namespace AssistanceApi.Persistence;

/// <summary>
/// The one place that decides how units of work reach the disk; handlers never see which. SQLite has one writer:
/// units go through <see cref="GroupCommit"/>, many to a transaction. PostgreSQL already groups commits and
/// lets writers run side by side: each unit gets its own transaction, kept apart by row locks and the version check.
/// </summary>
public sealed class Writer : IAsyncDisposable
{
    private readonly Database _database;
    private readonly GroupCommit? _groupCommit;

    public Writer(Database database)
    {
        _database = database;
        Changes = new TableChanges(database.Provider == DatabaseProvider.Sqlite ? "requests" : null);
        _groupCommit = database.Provider == DatabaseProvider.Sqlite ? new GroupCommit(database, Changes) : null;
    }

    /// <summary>SQLite only: which tables, and which rows of requests, the commits so far have changed (on PostgreSQL nothing is counted).</summary>
    public TableChanges Changes { get; }

    /// <summary>SQLite only: the batching writer, for tests and diagnostics.</summary>
    public GroupCommit? GroupCommit => _groupCommit;

    public async Task<T> RunAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken ct)
    {
        if (_groupCommit is not null) return await _groupCommit.RunAsync(work, ct);

        await using var connection = await _database.OpenForWritingAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(CancellationToken.None);
        return result;
    }

    /// <summary>Rows deleted at most in one unit; see <see cref="DeleteInChunksAsync"/>.</summary>
    public const int DeleteChunk = 1000;

    /// <summary>
    /// Runs <paramref name="sql"/>, a DELETE limited to <c>@chunk</c> rows, one unit of work at a time until a unit
    /// deletes fewer: a backlog neither holds SQLite's one writer for its whole length nor holds every page it changes
    /// in memory at once (the statement journal is in memory, ADR 0003). Returns the rows deleted.
    /// </summary>
    public async Task<int> DeleteInChunksAsync(string sql, object parameters, CancellationToken ct)
    {
        var bound = new DynamicParameters(parameters);
        bound.Add("chunk", DeleteChunk);
        var deleted = 0;
        int last;
        do
        {
            last = await RunAsync((connection, transaction) => connection.ExecuteAsync(sql, bound, transaction), ct);
            deleted += last;
        } while (last == DeleteChunk);
        return deleted;
    }

    public ValueTask DisposeAsync() => _groupCommit?.DisposeAsync() ?? ValueTask.CompletedTask;
}
