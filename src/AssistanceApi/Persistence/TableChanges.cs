using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace AssistanceApi.Persistence;

/// <summary>
/// How many commits of SQLite's one write connection have changed each table, so that a reader can keep what it
/// read from a table until the next such commit (take <see cref="Of"/> before the query, compare it after). Counted
/// from SQLite's update hook; a commit counts before any of its callers completes, so a client that got its
/// <c>201</c> never reads what was kept before it. A unit rolled back to its savepoint still counts (nothing kept is
/// wrong, something kept is only read again). Changes by another process (SQL, the CLI) are not seen: a reader
/// bounds how long it keeps (ADR 0005). On PostgreSQL nothing counts: another instance may write.
/// </summary>
public sealed class TableChanges
{
    private readonly ConcurrentDictionary<string, long> _commits = new(StringComparer.Ordinal);
    private readonly HashSet<string> _changedInBatch = new(StringComparer.Ordinal);
    private SQLitePCL.delegate_update? _hook;

    /// <summary>Commits so far that changed <paramref name="table"/>.</summary>
    public long Of(string table) => _commits.TryGetValue(table, out var count) ? count : 0;

    /// <summary>On the writer's thread, once per write connection.</summary>
    internal void Watch(SqliteConnection connection)
    {
        // Kept in a field: the native side only holds a pointer to the delegate.
        _hook ??= (_, _, _, table, _) => _changedInBatch.Add(table.utf8_to_string());
        SQLitePCL.raw.sqlite3_update_hook(connection.Handle, _hook, null);
    }

    /// <summary>On the writer's thread, after the batch's COMMIT (or its failure) and before its callers complete.</summary>
    internal void BatchEnded()
    {
        foreach (var table in _changedInBatch) _commits.AddOrUpdate(table, 1, (_, count) => count + 1);
        _changedInBatch.Clear();
    }
}
