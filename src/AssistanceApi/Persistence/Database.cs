using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AssistanceApi.Persistence;

/// <summary>Opens connections: SQLite with the pragmas a legal record needs, or PostgreSQL from one pooled data source.</summary>
public sealed class Database : IAsyncDisposable
{
    private readonly NpgsqlDataSource? _postgres;
    private readonly SqliteConnections? _sqlite;

    /// <summary>Open SQLite read connections kept between requests: enough for the requests two cores serve at once.</summary>
    private const int SqliteIdleConnections = 32;

    public Database(DatabaseOptions options)
    {
        Provider = options.Provider;
        ConnectionString = Provider == DatabaseProvider.Sqlite ? WithoutDriverPool(options.ConnectionString) : options.ConnectionString;
        Dialect = new Dialect(Provider);
        if (Provider == DatabaseProvider.Postgres) _postgres = NpgsqlDataSource.Create(ConnectionString);
        else
        {
            // Before anything opens the file (the migrations come next): SQLite takes these only before it starts.
            SqliteProcessSettings.Apply();
            _sqlite = new SqliteConnections(ConnectionString, SqliteIdleConnections);
        }
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    public Dialect Dialect { get; }

    /// <summary>A pooled connection for reading. WAL lets any number of them read beside the one writer.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken ct = default) =>
        _postgres is not null ? await _postgres.OpenConnectionAsync(ct) : await _sqlite!.RentAsync(ct);

    /// <summary>
    /// A read-only transaction in which several queries see one moment: SQLite's deferred transaction takes no write
    /// lock (WAL keeps its snapshot); PostgreSQL needs repeatable read, as each statement would otherwise see its own.
    /// </summary>
    public async Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken ct = default) =>
        connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: true)
            : await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);

    /// <summary>
    /// Stops what runs on the connection once the token is cancelled. Npgsql cancels a command given the token
    /// itself; Microsoft.Data.Sqlite only looks at the token before a statement starts, so SQLite is interrupted.
    /// Dispose the registration before the connection goes back to the pool.
    /// </summary>
    public static CancellationTokenRegistration InterruptOn(DbConnection connection, CancellationToken ct) =>
        connection is SqliteConnection { Handle: { } handle } && ct.CanBeCanceled
            ? ct.Register(() => SQLitePCL.raw.sqlite3_interrupt(handle))
            : default;

    /// <summary>A connection for writing: on SQLite with the pragmas a legal record needs.</summary>
    public async Task<DbConnection> OpenForWritingAsync(CancellationToken ct = default)
    {
        if (_postgres is not null) return await _postgres.OpenConnectionAsync(ct);
        // The writer's own connection, outside the read pool: it keeps its pragmas and what it compiled.
        var connection = new PreparingSqliteConnection(ConnectionString, pool: null);
        try
        {
            await connection.OpenAsync(ct);
            await SetWritingPragmasAsync(connection, ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task SetWritingPragmasAsync(DbConnection connection, CancellationToken ct)
    {
        await using var pragma = connection.CreateCommand();
        // WAL persists in the file; synchronous=FULL is per connection: a committed request must survive power loss.
        // temp_store=MEMORY: each unit's SAVEPOINT (GroupCommit) keeps the original of every page it changes in a
        // statement journal, which past 64 KiB went to a temp file page by page: about four fifths of the writer's bytes
        // a create. Only a rollback to the savepoint reads it and it ends with the transaction, so memory loses nothing
        // a crash would not. No bound: a bulk unit holds its changed pages in memory (ADR 0003).
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;";
        await pragma.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// The API keeps its own open connections (<see cref="SqliteConnections"/>, the writer's). The driver's pool would
    /// hand the native connection of one left undisposed to the next opener while the finalizer thread still finalizes
    /// that connection's statements: in multi-thread mode (ADR 0016), two threads on one connection at once.
    /// </summary>
    private static string WithoutDriverPool(string connectionString) =>
        new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString();

    public static string BuildSqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(configured ?? "");
        if (string.IsNullOrWhiteSpace(builder.DataSource))
            builder.DataSource = Path.Combine(contentRoot, "data", "assistance.db");
        builder.DefaultTimeout = 5;
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (folder is not null) Directory.CreateDirectory(folder);
        return builder.ToString();
    }

    /// <summary>
    /// Held while migrating and seeding, so replicas starting together on one PostgreSQL take turns instead of
    /// racing on the same scripts. SQLite serves one machine and needs none.
    /// </summary>
    public async Task<IAsyncDisposable> StartupLockAsync()
    {
        if (_postgres is null) return new Released(null);
        var connection = await _postgres.OpenConnectionAsync();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT pg_advisory_lock({StartupLockKey})";
            await command.ExecuteNonQueryAsync();
        }
        return new Released(connection);
    }

    // Any constant will do, as long as nothing else on the server uses it: "UNCC" in ASCII.
    private const long StartupLockKey = 0x554E4343;

    private sealed class Released(DbConnection? connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (connection is null) return;
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = $"SELECT pg_advisory_unlock({StartupLockKey})";
                await command.ExecuteNonQueryAsync();
            }
            await connection.DisposeAsync();
        }
    }

    public ValueTask DisposeAsync()
    {
        _sqlite?.Dispose();
        return _postgres?.DisposeAsync() ?? ValueTask.CompletedTask;
    }
}
