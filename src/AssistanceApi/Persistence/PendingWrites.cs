using System.Data.Common;

namespace AssistanceApi.Persistence;

/// <summary>Several parts' pending writes, flushed in the order given, in the unit's one transaction.</summary>
public sealed class PendingWrites(params IPendingWrites[] parts) : IPendingWrites
{
    public async Task FlushAsync(DbConnection connection, DbTransaction transaction)
    {
        foreach (var part in parts) await part.FlushAsync(connection, transaction);
    }

    public void Clear()
    {
        foreach (var part in parts) part.Clear();
    }
}
