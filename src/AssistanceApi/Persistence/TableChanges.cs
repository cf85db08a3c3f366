using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace AssistanceApi.Persistence;

/// <summary>
/// A count per table of SQLite's one write connection, so that a reader can keep what it read from a table until the
/// next commit that changes it: take <see cref="Of"/> before the query, keep the result only under an even count,
/// and use it only while the count is unchanged. A commit that changed the table moves the count twice, as a sequence
/// lock does: to odd before its <c>COMMIT</c>, to even after it and before any of its callers completes. So a reader
/// that has seen the change anywhere (another endpoint, another connection) finds the count moved, and a client that
/// got its <c>201</c> never reads what was kept before its change. Counted from SQLite's update hook, which rowid
/// tables fire and <c>WITHOUT ROWID</c> tables do not: only rowid tables are counted. A unit rolled back to its
/// savepoint still counts (what is kept is then read again, never wrong). Changes by another process (SQL, the CLI)
/// are not seen: a reader bounds how long it keeps (ADR 0005). On PostgreSQL nothing counts: another instance may write.
/// </summary>
public sealed class TableChanges
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _changed = new(StringComparer.Ordinal);
    private bool _committing;
    private SQLitePCL.delegate_update? _hook;

    /// <summary>The count of <paramref name="table"/>: twice the commits that changed it, plus one while one commits.</summary>
    public long Of(string table) => _counts.TryGetValue(table, out var count) ? count : 0;

    /// <summary>The writer's: on its thread, once per write connection.</summary>
    public void Watch(SqliteConnection connection)
    {
        // Kept in a field: the native side only holds a pointer to the delegate.
        _hook ??= (_, _, _, table, _) => _changed.Add(table.utf8_to_string());
        SQLitePCL.raw.sqlite3_update_hook(connection.Handle, _hook, null);
    }

    /// <summary>The writer's: right before the batch's <c>COMMIT</c>; the tables it changed go odd.</summary>
    public void Committing()
    {
        Move(_changed);
        _committing = true;
    }

    /// <summary>The writer's: after the <c>COMMIT</c> (or its failure), before the batch's callers complete.</summary>
    public void BatchEnded()
    {
        // A batch that failed before its COMMIT committed nothing: its changes move no count.
        if (_committing) Move(_changed);
        _committing = false;
        _changed.Clear();
    }

    private void Move(HashSet<string> tables)
    {
        foreach (var table in tables) _counts.AddOrUpdate(table, 1, (_, count) => count + 1);
    }
}
