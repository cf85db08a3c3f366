using DbUp;
using DbUp.Builder;
using Npgsql;

namespace AssistanceApi.Persistence;

/// <summary>Applies the versioned scripts under Migrations/&lt;provider&gt;/ in name order, once each.</summary>
public static class Migrator
{
    public static void Upgrade(Database database)
    {
        EnsureDatabase(database);
        var result = Builder(database).WithTransactionPerScript().Build().PerformUpgrade();
        if (!result.Successful)
            throw new InvalidOperationException($"Database migration failed at {result.ErrorScript?.Name}", result.Error);
    }

    /// <summary>The names of the scripts the next <see cref="Upgrade"/> will run.</summary>
    public static IReadOnlyList<string> Pending(Database database)
    {
        EnsureDatabase(database);
        return Builder(database).Build().GetScriptsToExecute().Select(s => s.Name).ToList();
    }

    public static bool IsUpToDate(Database database) => !Builder(database).Build().IsUpgradeRequired();

    /// <summary>
    /// PostgreSQL: creates the database on first start, before anything else connects to it (the startup lock does).
    /// Unpooled, so no connection to the maintenance database lingers.
    /// </summary>
    public static void EnsureDatabase(Database database)
    {
        if (database.Provider == DatabaseProvider.Postgres) EnsurePostgresDatabase(database.ConnectionString);
    }

    private static void EnsurePostgresDatabase(string connectionString)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        try
        {
            using var probe = new NpgsqlConnection(target.ConnectionString);
            probe.Open();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            var name = target.Database!;
            using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres" }.ConnectionString);
            admin.Open();
            using var create = admin.CreateCommand();
            create.CommandText = $"CREATE DATABASE \"{name.Replace("\"", "\"\"")}\"";
            try { create.ExecuteNonQuery(); }
            catch (PostgresException raced) when (raced.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
            {
                // Another replica starting at the same moment created it first: 42P04 once its creation committed,
                // 23505 (on pg_database's name) while both were creating.
            }
        }
    }

    private static UpgradeEngineBuilder Builder(Database database)
    {
        var (engine, folder) = database.Provider == DatabaseProvider.Postgres
            ? (DeployChanges.To.PostgresqlDatabase(database.ConnectionString), ".Migrations.postgres.")
            : (DeployChanges.To.SqliteDatabase(database.ConnectionString), ".Migrations.sqlite.");
        return engine.WithScriptsEmbeddedInAssembly(typeof(Migrator).Assembly, name => name.Contains(folder)).LogToNowhere();
    }
}
