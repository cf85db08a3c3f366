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
}
