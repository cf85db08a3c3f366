using System.Data.Common;
using AssistanceApi.Persistence;
using AssistanceApi.Persistence.Seeding;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AssistanceApi.Tests.Support;

/// <summary>
/// The database one test runs on: a fresh SQLite file, or — in the PostgreSQL test project (POSTGRES) — a fresh
/// PostgreSQL database copied from a migrated template. The suite is the same; only this class differs.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string ServerVariable = "ASSISTANCE_TEST_POSTGRES";

#if POSTGRES
    public static readonly DatabaseProvider Provider = DatabaseProvider.Postgres;
#else
    public static readonly DatabaseProvider Provider = DatabaseProvider.Sqlite;
#endif

    private readonly string _folder = Directory.CreateTempSubdirectory("assistance-test-").FullName;
    private readonly string _postgresName = "assistance_test_" + Guid.NewGuid().ToString("N");

    /// <summary>SQLite only: the database file.</summary>
    public string FilePath => Path.Combine(_folder, "assistance.db");

    public string ProviderName => Provider == DatabaseProvider.Postgres ? "postgres" : "sqlite";

    public string ConnectionString { get; private set; } = "";

    public static TestDatabase Create()
    {
        var database = NotYetCreated();
        if (Provider == DatabaseProvider.Postgres) PostgresServer.CreateDatabase(database._postgresName);
        return database;
    }

    /// <summary>PostgreSQL: a database named but not created, as on a server the API has never started against.</summary>
    public static TestDatabase NotYetCreated()
    {
        var database = new TestDatabase();
        database.ConnectionString = Provider == DatabaseProvider.Postgres
            ? PostgresServer.ConnectionStringFor(database._postgresName)
            : $"Data Source={database.FilePath}";
        return database;
    }

    public async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = Provider == DatabaseProvider.Postgres
            ? new NpgsqlConnection(ConnectionString + ";Pooling=false")
            : new SqliteConnection(ConnectionString + ";Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Runs SQL behind the API's back (to tamper with a record, or to look at what is stored).</summary>
    public async Task<int> ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = await OpenAsync();
        return await connection.ExecuteAsync(sql, parameters);
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await OpenAsync();
        return (await connection.QueryAsync<T>(sql, parameters)).ToList();
    }

    /// <summary>Makes the database unreachable for the running API.</summary>
    public async Task BreakAsync()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            await PostgresServer.DropDatabaseAsync(_postgresName);
            return;
        }
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(FilePath + suffix);
        // A directory where the database file was cannot be opened as a database.
        Directory.CreateDirectory(FilePath);
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider == DatabaseProvider.Postgres) await PostgresServer.DropDatabaseAsync(_postgresName);
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* a file still open on a slow machine is left to the OS temp cleaner */ }
    }
}

/// <summary>The PostgreSQL server named by ASSISTANCE_TEST_POSTGRES; databases are copied from one migrated template.</summary>
public static class PostgresServer
{
    private const string Template = "assistance_test_template";
    private static readonly Lazy<string> TemplateReady = new(CreateTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string? Configured => Environment.GetEnvironmentVariable(TestDatabase.ServerVariable);

    public static string HowToEnable =>
        $"PostgreSQL tests need a server: set {TestDatabase.ServerVariable} to an Npgsql connection string of a user that may " +
        "create databases, e.g. \"Host=127.0.0.1;Port=5432;Username=postgres\" (.ci/run starts one).";

    public static string CreateDatabase(string name)
    {
        _ = TemplateReady.Value;
        Admin($"CREATE DATABASE {name} TEMPLATE {Template}");
        return With(name);
    }

    public static string ConnectionStringFor(string name) => With(name);

    public static async Task DropDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(Admin());
        await connection.OpenAsync();
        await connection.ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    private static string CreateTemplate()
    {
        Admin($"DROP DATABASE IF EXISTS {Template} WITH (FORCE)");
        Admin($"CREATE DATABASE {Template}");
        TypeHandlers.Register();
        var database = new Database(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = With(Template) });
        Migrator.Upgrade(database);
        new Seeder(new Writer(database), new SeedOptions { Demo = true }, TimeProvider.System).SeedAsync().GetAwaiter().GetResult();
        database.DisposeAsync().AsTask().GetAwaiter().GetResult();
        NpgsqlConnection.ClearAllPools();
        return Template;
    }

    /// <summary>Unpooled: administrative connections are few, and a pool would keep them open past the test.</summary>
    private static string Admin() => new NpgsqlConnectionStringBuilder(With("postgres")) { Pooling = false }.ConnectionString;

    private static void Admin(string sql)
    {
        using var connection = new NpgsqlConnection(Admin());
        connection.Open();
        connection.Execute(sql);
    }

    private static string With(string database) =>
        new NpgsqlConnectionStringBuilder(Configured ?? throw new InvalidOperationException(HowToEnable)) { Database = database }.ConnectionString;
}
