using SQLitePCL;

namespace AssistanceApi.Persistence;

/// <summary>
/// SQLite's process-wide settings. SQLite accepts them only before it starts, so Program applies them first of all;
/// in a process where a connection opened earlier (a test host) they are refused and SQLite keeps its defaults.
/// </summary>
public static class SqliteProcess
{
    /// <summary>
    /// The largest statement journal kept in memory. Each group-commit unit runs in a SAVEPOINT, for which SQLite keeps
    /// the original of every page the unit changes; past SQLite's default of 64 KiB that journal went to a temp file,
    /// written page by page for the rest of the transaction: about four fifths of the writer's bytes a create
    /// (tests/load/results/issue-16-statement-journal.md). 8 MiB holds any ordinary unit, and a bulk one (a sweep, an
    /// upgrade) still spills to disk past it, so memory stays bounded. The journal only serves a rollback to its
    /// savepoint and ends with the transaction: durability does not depend on where it is kept.
    /// </summary>
    public const int StatementJournalInMemory = 8 << 20;

    private const int ConfigStatementJournalSpill = 26; // SQLITE_CONFIG_STMTJRNL_SPILL

    /// <summary>Whether this process keeps statement journals of up to <see cref="StatementJournalInMemory"/> bytes in memory.</summary>
    public static bool Configured { get; private set; }

    public static void Configure()
    {
        if (Configured) return;
        Batteries_V2.Init();
        Configured = raw.sqlite3_config(ConfigStatementJournalSpill, StatementJournalInMemory) == raw.SQLITE_OK;
    }
}
