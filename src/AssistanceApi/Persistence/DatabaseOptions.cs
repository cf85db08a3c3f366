namespace AssistanceApi.Persistence;

public enum DatabaseProvider { Sqlite, Postgres }

public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// SQLite: <c>ConnectionStrings:Assistance</c>, else <c>data/assistance.db</c> under the content root.
    /// PostgreSQL: <c>ConnectionStrings:Assistance</c>, an Npgsql connection string (required).
    /// </summary>
    public string ConnectionString { get; init; } = "";

    /// <summary>Database:Provider (sqlite, the default, or postgres) and ConnectionStrings:Assistance.</summary>
    public static DatabaseOptions From(IConfiguration config, string contentRoot)
    {
        var configured = config.GetConnectionString("Assistance");
        return (config["Database:Provider"] ?? "sqlite").ToLowerInvariant() switch
        {
            "sqlite" => new DatabaseOptions
            {
                Provider = DatabaseProvider.Sqlite,
                ConnectionString = Database.BuildSqliteConnectionString(configured, contentRoot),
            },
            "postgres" or "postgresql" => new DatabaseOptions
            {
                Provider = DatabaseProvider.Postgres,
                ConnectionString = configured ?? throw new InvalidOperationException(
                    "Database:Provider is postgres: set ConnectionStrings:Assistance (ConnectionStrings__Assistance) to an Npgsql connection string."),
            },
            var other => throw new InvalidOperationException($"Database:Provider '{other}' is not supported: use sqlite or postgres."),
        };
    }
}
