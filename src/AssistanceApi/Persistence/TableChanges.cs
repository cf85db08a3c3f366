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
/// For one table (<c>rowsOf</c>) the same count is also kept per row, in <see cref="RowStripes"/> stripes by rowid
/// (<see cref="OfRow"/>): a reader of one row can keep it while other rows change; two rows of one stripe only cost a
/// read again. Rowids are only stable while this writer alone writes (a <c>VACUUM</c> may renumber them):
/// <see cref="Outside"/> moves, before the COMMIT, in each batch that finds another connection has committed since.
/// </summary>
public sealed class TableChanges(string? rowsOf = null)
{
    public const int RowStripes = 1 << 16;

    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _changed = new(StringComparer.Ordinal);
    private readonly long[] _rowCounts = rowsOf is null ? [] : new long[RowStripes];
    // Stripes, not rows: a stripe changed by two rows of one batch must still move once, to odd.
    private readonly HashSet<int> _changedStripes = [];
    private bool _committing;
    private long _outside;
    private long _dataVersion = -1;
    private SQLitePCL.delegate_update? _hook;

    /// <summary>The count of <paramref name="table"/>: twice the commits that changed it, plus one while one commits.</summary>
    public long Of(string table) => _counts.TryGetValue(table, out var count) ? count : 0;

    /// <summary>The count of the stripe of <paramref name="rowid"/> in the table the rows are counted of (0 if none is).</summary>
    public long OfRow(long rowid) => _rowCounts.Length == 0 ? 0 : Volatile.Read(ref _rowCounts[Stripe(rowid)]);

    /// <summary>How many batches found that another connection had committed (SQL, the CLI) since the one before.</summary>
    public long Outside => Interlocked.Read(ref _outside);

    /// <summary>The writer's: on its thread, once per write connection.</summary>
    public void Watch(SqliteConnection connection)
    {
        // A new connection's data_version starts afresh: what happened before it is not known.
        _dataVersion = -1;
        // Kept in a field: the native side only holds a pointer to the delegate.
        _hook ??= (_, _, _, table, rowid) =>
        {
            var name = table.utf8_to_string();
            _changed.Add(name);
            if (name == rowsOf) _changedStripes.Add(Stripe(rowid));
        };
        SQLitePCL.raw.sqlite3_update_hook(connection.Handle, _hook, null);
    }

    /// <summary>
    /// The writer's: right before the batch's <c>COMMIT</c>; the tables and rows it changed go odd.
    /// <paramref name="dataVersion"/> is the write connection's <c>PRAGMA data_version</c>, which moves when another
    /// connection commits.
    /// </summary>
    public void Committing(long? dataVersion = null)
    {
        if (dataVersion is { } version && version != _dataVersion)
        {
            Interlocked.Increment(ref _outside);
            _dataVersion = version;
        }
        Move();
        _committing = true;
    }

    /// <summary>The writer's: after the <c>COMMIT</c> (or its failure), before the batch's callers complete.</summary>
    public void BatchEnded()
    {
        // A batch that failed before its COMMIT committed nothing: its changes move no count.
        if (_committing) Move();
        _committing = false;
        _changed.Clear();
        _changedStripes.Clear();
    }

    private void Move()
    {
        foreach (var table in _changed) _counts.AddOrUpdate(table, 1, (_, count) => count + 1);
        // Interlocked: a full fence, so the odd count is visible before the COMMIT begins.
        foreach (var stripe in _changedStripes) Interlocked.Increment(ref _rowCounts[stripe]);
    }

    private static int Stripe(long rowid) => (int)(rowid & (RowStripes - 1));
}
