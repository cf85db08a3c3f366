using SQLitePCL;

namespace AssistanceApi.Persistence;

/// <summary>
/// SQLite's process-wide settings (ADR 0016), made once, before this process opens its first SQLite connection: after
/// that SQLite refuses them (<c>SQLITE_MISUSE</c>) and keeps its defaults, which are safe, only slower.
/// <list type="bullet">
/// <item>Multi-thread mode: no mutex around each call on a connection or statement, which the default serialized mode
/// takes. It needs that no connection is used by two threads at once, which holds here: the writer's connection belongs
/// to its thread (<see cref="GroupCommit"/>), a read connection to the one request that rented it
/// (<see cref="SqliteConnections"/>), and <c>sqlite3_interrupt</c>, the one call made from another thread, is safe in
/// any mode.</item>
/// <item>No memory statistics: each of SQLite's allocations otherwise takes one process-wide mutex, for which every
/// connection's thread contends. Nothing here reads those statistics or sets a soft heap limit.</item>
/// </list>
/// </summary>
public static class SqliteProcessSettings
{
    // sqlite3.h: SQLITE_CONFIG_MULTITHREAD takes no argument, SQLITE_CONFIG_MEMSTATUS an int (0: off).
    private static readonly Lazy<bool> Made = new(() =>
    {
        Batteries_V2.Init();
        var multiThread = raw.sqlite3_config(raw.SQLITE_CONFIG_MULTITHREAD);
        var noStatistics = raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0);
        return multiThread == raw.SQLITE_OK && noStatistics == raw.SQLITE_OK;
    });

    /// <summary>Makes the settings if SQLite has not started yet; true if they are in force, false if it had started first.</summary>
    public static bool Apply() => Made.Value;
}
