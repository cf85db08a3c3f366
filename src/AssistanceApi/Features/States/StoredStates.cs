using System.Collections.Concurrent;
using AssistanceApi.Persistence;
using AssistanceApi.Persistence.Documents;
using Dapper;

namespace AssistanceApi.Features.States;

/// <summary>
/// Directory entries read in the last few seconds, so that reading one mostly costs no query. Only on SQLite, where
/// the API is one process (ADR 0005): on PostgreSQL another instance may change an entry, so every read asks the
/// database. An update through this API runs <see cref="ForgetAll"/> once committed, so the next read shows it; one
/// made behind the API's back (SQL, the CLI's seeding) shows once the entry's <see cref="Lifetime"/> has run out.
/// Only codes that exist are kept: at most one entry per UN Member State.
/// </summary>
public sealed class StoredStates(Database database, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _generation;

    public bool Enabled { get; } = database.Provider == DatabaseProvider.Sqlite;

    /// <summary>The stored entry of <paramref name="code"/>, or null when no State has that code.</summary>
    public async ValueTask<StoredState?> FindAsync(string code, CancellationToken ct)
    {
        if (TryGet(code, out var kept)) return kept;
        var generation = Generation;
        await using var connection = await database.OpenAsync(ct);
        var document = await connection.QuerySingleOrDefaultAsync<string>("SELECT document FROM states WHERE code = @code", new { code });
        if (document is null) return null;
        // Read and written again once per lifetime, not per call: an entry stored by an older version (a field it did
        // not have yet) goes out complete, and one that is not an entry fails here as it always did.
        var state = new StoredState(StateDocument.Read(document).Write());
        Remember(code, state, generation);
        return state;
    }

    /// <summary>Read before the query and passed to <see cref="Remember"/>, so a read that raced an update is not kept.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public bool TryGet(string code, out StoredState state)
    {
        state = null!;
        if (!Enabled || !_entries.TryGetValue(code, out var entry)) return false;
        if (clock.GetUtcNow() >= entry.ExpiresAt)
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(code, entry));
            return false;
        }
        state = entry.State;
        return true;
    }

    public void Remember(string code, StoredState state, long generation)
    {
        if (!Enabled) return;
        lock (_gate)
            if (generation == _generation) _entries[code] = new Entry(state, clock.GetUtcNow() + Lifetime);
    }

    /// <summary>After a directory update has committed: the next read of any entry asks the database again.</summary>
    public void ForgetAll()
    {
        lock (_gate)
        {
            _generation++;
            _entries.Clear();
        }
    }

    private sealed record Entry(StoredState State, DateTimeOffset ExpiresAt);
}
