using AssistanceApi.Persistence;
using AssistanceApi.Persistence.Documents;
using Dapper;

namespace AssistanceApi.Features.States;

/// <summary>
/// Directory entries read in the last few seconds, so that reading one mostly costs no query. Only on SQLite, where
/// the API is one process (ADR 0005): on PostgreSQL another instance may change an entry, so every read asks the
/// database. An update through this API runs <see cref="RecentReads{T}.ForgetAll"/> once committed, so the next read shows it; one
/// made behind the API's back (SQL, the CLI's seeding) shows once the entry's <see cref="Lifetime"/> has run out.
/// Only codes that exist are kept: at most one entry per UN Member State (<see cref="RecentReads{T}"/> keeps them).
/// </summary>
public sealed class StoredStates(Database database, TimeProvider clock)
    : RecentReads<StoredState>(database.Provider == DatabaseProvider.Sqlite, clock, Lifetime)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

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
}
