using System.Collections.Concurrent;
using AssistanceApi.Persistence;
using Dapper;

namespace AssistanceApi.Features.States;

/// <summary>
/// Directory entries read in the last few seconds, as stored, so that reading one mostly costs no query. Only on
/// SQLite, where the API is one process (ADR 0005): on PostgreSQL another instance may change an entry, so every read
/// asks the database. An update through this API runs <see cref="ForgetAll"/> once committed, so the next read shows
/// it; one made behind the API's back (SQL, the CLI's seeding) shows once the entry's <see cref="Lifetime"/> has run
/// out. Only codes that exist are kept: at most one entry per UN Member State.
/// </summary>
public sealed class StoredStates(Database database, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly bool _enabled = database.Provider == DatabaseProvider.Sqlite;
    private long _generation;

    /// <summary>The stored entry of <paramref name="code"/>, or null when no State has that code.</summary>
    public async ValueTask<StoredState?> FindAsync(string code, CancellationToken ct)
    {
        if (_enabled && _entries.TryGetValue(code, out var entry) && clock.GetUtcNow() < entry.ExpiresAt) return entry.State;
        // Read before the query: a read that raced an update is not kept (ForgetAll moved the generation).
        var generation = Interlocked.Read(ref _generation);
        await using var connection = await database.OpenAsync(ct);
        var document = await connection.QuerySingleOrDefaultAsync<string>("SELECT document FROM states WHERE code = @code", new { code });
        if (document is null) return null;
        var state = new StoredState(document);
        if (_enabled)
            lock (_gate)
                if (generation == _generation) _entries[code] = new Entry(state, clock.GetUtcNow() + Lifetime);
        return state;
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
