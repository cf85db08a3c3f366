namespace AssistanceApi.Persistence;

/// <summary>The few places where SQLite and PostgreSQL SQL differ; everything else is written once.</summary>
public sealed class Dialect(DatabaseProvider provider)
{
    public DatabaseProvider Provider { get; } = provider;

    /// <summary>Days, with fractions, from one timestamp column to another.</summary>
    public string DaysBetween(string start, string end) => Provider == DatabaseProvider.Postgres
        ? $"CAST(EXTRACT(EPOCH FROM ({end} - {start})) / 86400.0 AS DOUBLE PRECISION)"
        : $"(julianday({end}) - julianday({start}))";

    /// <summary>A column matched against a list parameter: Dapper expands lists for SQLite; Npgsql takes arrays.</summary>
    public string In(string column, string parameter) => Provider == DatabaseProvider.Postgres
        ? $"{column} = ANY(@{parameter})"
        : $"{column} IN @{parameter}";

    /// <summary>
    /// Locks a request's row until the transaction ends, so two instances appending to its audit chain queue
    /// instead of forking it. SQLite needs nothing: it has one writer.
    /// </summary>
    public string LockRequest => Provider == DatabaseProvider.Postgres ? "SELECT 1 FROM requests WHERE id = @id FOR UPDATE" : "";

    /// <summary>Holds one admin log (a transaction-scoped advisory lock on its name) so appends queue. SQLite: one writer.</summary>
    public string LockAdminLog => Provider == DatabaseProvider.Postgres ? "SELECT pg_advisory_xact_lock(hashtext(@log))" : "";

    /// <summary>
    /// An event's feed position as it is inserted (ADR 0007). SQLite: the next one now — its one writer commits units in
    /// the order it runs them, and a batch becomes visible at once, so insert order is commit order. PostgreSQL: none yet;
    /// the sequencer numbers committed rows in seq order.
    /// </summary>
    public string NewEventPosition => Provider == DatabaseProvider.Postgres ? "NULL" : "(SELECT COALESCE(MAX(position), 0) + 1 FROM events)";

    /// <summary>
    /// The rows of a JSON array parameter as a table named <paramref name="alias"/>, one column per (name, PostgreSQL type)
    /// read from each object's key of that name: a batch written by one statement rather than one statement a row.
    /// </summary>
    public string JsonRows(string parameter, string alias, params (string Name, string Type)[] columns) => Provider == DatabaseProvider.Postgres
        ? $"jsonb_to_recordset(@{parameter}::jsonb) AS {alias}({string.Join(", ", columns.Select(c => $"{c.Name} {c.Type}"))})"
        : $"(SELECT {string.Join(", ", columns.Select(c => $"value ->> '{c.Name}' AS {c.Name}"))} FROM json_each(@{parameter})) AS {alias}";

    /// <summary>
    /// Whether one writer runs every write unit, one at a time (SQLite's group commit): a unit's read of a row cannot be
    /// overtaken by another unit's write before its own write, on any instance.
    /// </summary>
    public bool OneWriter => Provider == DatabaseProvider.Sqlite;

    /// <summary>Whether positions are given after commit by a sequencer (PostgreSQL), not at insert.</summary>
    public bool SequencesEvents => Provider == DatabaseProvider.Postgres;
}
