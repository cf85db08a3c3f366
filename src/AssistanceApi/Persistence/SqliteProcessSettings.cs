using SQLitePCL;

namespace AssistanceApi.Persistence;

/// <summary>
/// SQLite's process-wide settings (ADR 0016), made once, before this process opens its first SQLite connection: after
/// that SQLite refuses them (<c>SQLITE_MISUSE</c>) and keeps its defaults, which are safe, only slower.
/// <list type="bullet">
/// <item>Multi-thread mode: no mutex around each call on a connection or statement, which the default serialized mode
/// takes. It needs that no two threads ever use one connection at the same time, the finalizer thread included. Here
/// they take turns: the writer's connection belongs to its thread (<see cref="GroupCommit"/>), a read connection to
/// the one request that rented it (<see cref="SqliteConnections"/>), the driver's pool is off (a connection left
/// undisposed is finalized with no one else on it), and <c>sqlite3_interrupt</c>, called on cancellation from any
/// thread, is safe in any mode.</item>
/// <item>No memory statistics: each of SQLite's allocations otherwise takes one process-wide mutex, for which every
/// connection's thread contends. Nothing here reads those statistics or sets a soft heap limit.</item>
/// </list>
/// </summary>
public static class SqliteProcessSettings
{
    /// <summary>SQLite's result code for each setting: <c>SQLITE_OK</c> (0) took effect; 21 (misuse), it had started.</summary>
    public sealed record Answers(int MultiThread, int MemoryStatistics)
    {
        public bool InForce => MultiThread == raw.SQLITE_OK && MemoryStatistics == raw.SQLITE_OK;
    }

    private static readonly Lazy<Answers> Made = new(() =>
    {
        Batteries_V2.Init();
        // sqlite3.h: SQLITE_CONFIG_MULTITHREAD takes no argument, SQLITE_CONFIG_MEMSTATUS an int (0: off).
        return new Answers(raw.sqlite3_config(raw.SQLITE_CONFIG_MULTITHREAD), raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0));
    });

    /// <summary>Makes the settings the first time it is called; every call returns what SQLite answered then.</summary>
    public static Answers Apply() => Made.Value;
}
