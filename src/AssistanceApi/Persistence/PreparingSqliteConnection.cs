using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace AssistanceApi.Persistence;

/// <summary>
/// A SQLite connection that keeps every statement it has compiled. Microsoft.Data.Sqlite compiles a command's SQL
/// again for each new command object, and Dapper makes a new one per call: on the hot reads and in the write loop,
/// compiling cost more than running. Here a command is a thin shell; executing it borrows this connection's
/// compiled command for the same SQL text. Connections stay open in <see cref="SqliteConnections"/>, so what they
/// compiled outlives one request. SQL run on it writes a parameter given without its prefix as <c>@name</c>
/// (<see cref="Shell"/> names it so before binding); written <c>$name</c> or <c>:name</c>, it must be given so.
/// </summary>
internal sealed class PreparingSqliteConnection(string connectionString, SqliteConnections? pool) : SqliteConnection(connectionString)
{
    // Far more than the statements this API has; the bound only guards against SQL built from input.
    private const int MaxStatements = 512;

    private readonly Dictionary<string, SqliteCommand> _compiled = new(StringComparer.Ordinal);

    protected override DbCommand CreateDbCommand() => new Shell(this);

    /// <summary>The compiled command for this SQL, taken out while in use (a nested use of the same SQL gets its own).</summary>
    private SqliteCommand Borrow(string sql)
    {
        if (_compiled.Remove(sql, out var command)) return command;
        command = base.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private void GiveBack(SqliteCommand command)
    {
        command.Parameters.Clear();
        command.Transaction = null;
        if (State == ConnectionState.Open && _compiled.Count < MaxStatements && _compiled.TryAdd(command.CommandText, command)) return;
        command.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Disposing a pooled connection returns it open, with what it compiled; closing it for good frees that.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing && pool is not null && State == ConnectionState.Open && pool.Return(this)) return;
        // A connection left undisposed is finalized: its statements' own handles finalize them (ADR 0016).
        if (disposing) Discard();
        base.Dispose(disposing);
    }

    internal void Discard()
    {
        foreach (var command in _compiled.Values) command.Dispose();
        _compiled.Clear();
    }

    internal void CloseForGood()
    {
        Discard();
        base.Dispose(true);
    }

    /// <summary>What Dapper creates, fills and disposes; it runs on the connection's compiled command.</summary>
    private sealed class Shell(PreparingSqliteConnection connection) : DbCommand
    {
        private readonly SqliteParameterCollection _parameters = new ShellParameters();
        private SqliteCommand? _running;

        [AllowNull] public override string CommandText { get; set; } = "";
        public override int CommandTimeout { get; set; } = connection.DefaultTimeout;
        public override CommandType CommandType { get; set; } = CommandType.Text;
        public override bool DesignTimeVisible { get; set; }
        public override UpdateRowSource UpdatedRowSource { get; set; }
        protected override DbConnection? DbConnection { get => connection; set => throw new NotSupportedException(); }
        protected override DbParameterCollection DbParameterCollection => _parameters;
        protected override DbTransaction? DbTransaction { get; set; }

        protected override DbParameter CreateDbParameter() => new SqliteParameter();

        public override void Prepare() { }

        public override void Cancel() => _running?.Cancel();

        public override int ExecuteNonQuery() => Run().ExecuteNonQuery();

        public override object? ExecuteScalar() => Run().ExecuteScalar();

        protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => Run().ExecuteReader(behavior);

        private SqliteCommand Run()
        {
            if (CommandType != CommandType.Text) throw new NotSupportedException("SQLite runs text commands only.");
            if (_running is not null && _running.CommandText != CommandText) ReturnRunning();
            _running ??= connection.Borrow(CommandText);
            _running.Transaction = (SqliteTransaction?)DbTransaction;
            _running.CommandTimeout = CommandTimeout;
            _running.Parameters.Clear();
            foreach (SqliteParameter parameter in _parameters)
            {
                NameAsWritten(parameter);
                _running.Parameters.Add(parameter);
            }
            return _running;
        }

        /// <summary>
        /// Dapper names a parameter without its prefix ("id"). Microsoft.Data.Sqlite then looks it up four times, as
        /// "id", "@id", "$id" and ":id": each a new string and a native call that walks the statement's parameter
        /// names. Binding took about a tenth of the writer thread's time on a create (results/issue-16-binding.md).
        /// The API's SQL writes every parameter as @name: named so, each is found in one look-up.
        /// </summary>
        private static void NameAsWritten(SqliteParameter parameter)
        {
            if (parameter.ParameterName is [not ('@' or '$' or ':' or '?'), ..] name) parameter.ParameterName = "@" + name;
        }

        private void ReturnRunning()
        {
            if (_running is null) return;
            connection.GiveBack(_running);
            _running = null;
        }

        private sealed class ShellParameters : SqliteParameterCollection;

        // Dapper disposes a command after its reader: the compiled statement goes back for the next call.
        protected override void Dispose(bool disposing)
        {
            if (disposing) ReturnRunning();
            base.Dispose(disposing);
        }
    }
}

/// <summary>Open read connections for SQLite, kept with their compiled statements. WAL lets them all read beside the writer.</summary>
internal sealed class SqliteConnections(string connectionString, int keep) : IDisposable
{
    private readonly ConcurrentBag<PreparingSqliteConnection> _idle = [];
    private int _idleCount;
    private volatile bool _disposed;

    public async Task<DbConnection> RentAsync(CancellationToken ct)
    {
        if (_idle.TryTake(out var connection))
        {
            Interlocked.Decrement(ref _idleCount);
            return connection;
        }
        connection = new PreparingSqliteConnection(connectionString, this);
        await connection.OpenAsync(ct);
        return connection;
    }

    /// <summary>False when the connection should close instead: the pool is full or shut.</summary>
    public bool Return(PreparingSqliteConnection connection)
    {
        if (_disposed || Interlocked.Increment(ref _idleCount) > keep)
        {
            Interlocked.Decrement(ref _idleCount);
            return false;
        }
        _idle.Add(connection);
        return true;
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var connection)) connection.CloseForGood();
    }
}
