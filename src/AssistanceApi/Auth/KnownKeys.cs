using AssistanceApi.Http;
using AssistanceApi.Persistence;

namespace AssistanceApi.Auth;

/// <summary>
/// The clients behind keys seen in the last few seconds, so that authenticating mostly costs no query. Only on
/// SQLite: on PostgreSQL another instance may revoke a key, so every call asks the database. A revocation or
/// rotation through this API runs <see cref="RecentReads{T}.ForgetAll"/> once committed and takes effect on the next call; one
/// made behind the API's back (SQL, the CLI) takes effect once the entry's lifetime (at most 5 s) has run out.
/// The keeping itself, and the race it guards, are <see cref="RecentReads{T}"/>'s.
/// </summary>
public sealed class KnownKeys(Database database, TimeProvider clock, TimeSpan lifetime)
    : RecentReads<KnownClient>(database.Provider == DatabaseProvider.Sqlite, clock, lifetime)
{
    /// <summary>The longest a revoked key may keep working after a change made outside the API.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromSeconds(5);

    /// <summary><c>Auth:KeyCacheSeconds</c>, 0 to 5 (default 5); 0 asks the database on every call.</summary>
    public static TimeSpan LifetimeFrom(IConfiguration config) =>
        ReadLifetime.From(config, "Auth:KeyCacheSeconds", MaxLifetime, "so that a key revoked outside the API stops working within that time");
}

/// <summary>
/// The client behind a key, with what every call asks of it worked out once (kept with the key while it is known):
/// authentication puts the caller and the client's HTTP identity on the call, so no later layer parses claims.
/// </summary>
public sealed record KnownClient(Guid Id, string? State, string Role)
{
    public Caller Caller { get; } = new(Id, State, Role);

    public CallingClient Calling { get; } = new(Id);
}
