using System.Data.Common;

namespace AssistanceApi.Persistence;

/// <summary>
/// The one place that decides how units of work reach the disk. SQLite allows one writer at a time, so
/// units queue on a gate here instead of spinning on SQLITE_BUSY; PostgreSQL runs them concurrently, each in
/// its own transaction (row locks and the version check keep them apart). A batching writer can replace
/// this class without any handler changing.
/// </summary>
public sealed class Writer(Database database)
{
    private readonly SemaphoreSlim? _gate = database.Provider == DatabaseProvider.Sqlite ? new SemaphoreSlim(1, 1) : null;

    public async Task<T> RunAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken ct)
    {
        if (_gate is not null) await _gate.WaitAsync(ct);
        try
        {
            await using var connection = await database.OpenAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            var result = await work(connection, transaction);
            await transaction.CommitAsync(CancellationToken.None);
            return result;
        }
        finally
        {
            _gate?.Release();
        }
    }
}
