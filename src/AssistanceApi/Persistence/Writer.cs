using System.Data.Common;

namespace AssistanceApi.Persistence;

/// <summary>
/// The one place that decides how units of work reach the disk; handlers never see which. SQLite has one writer:
/// units go through <see cref="GroupCommit"/>, many to a transaction. PostgreSQL already groups commits and
/// lets writers run side by side: each unit gets its own transaction, kept apart by row locks and the version check.
/// </summary>
public sealed class Writer(Database database) : IAsyncDisposable
{
    private readonly GroupCommit? _groupCommit = database.Provider == DatabaseProvider.Sqlite ? new GroupCommit(database) : null;

    /// <summary>SQLite only: the batching writer, for tests and diagnostics.</summary>
    public GroupCommit? GroupCommit => _groupCommit;

    public async Task<T> RunAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken ct)
    {
        if (_groupCommit is not null) return await _groupCommit.RunAsync(work, ct);

        await using var connection = await database.OpenForWritingAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(CancellationToken.None);
        return result;
    }

    public ValueTask DisposeAsync() => _groupCommit?.DisposeAsync() ?? ValueTask.CompletedTask;
}
