using System.Data.Common;

namespace AssistanceApi.Persistence;

/// <summary>
/// The one place that decides how units of work reach the disk. SQLite allows one writer at a time,
/// so units queue on a gate here instead of spinning on SQLITE_BUSY; a batching writer can replace
/// this class without any handler changing.
/// </summary>
public sealed class Writer(Database database)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<T> RunAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
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
            _gate.Release();
        }
    }
}
