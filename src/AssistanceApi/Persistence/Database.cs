using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace AssistanceApi.Persistence;

/// <summary>Opens connections with the pragmas a legal record needs.</summary>
public sealed class Database(DatabaseOptions options)
{
    public string ConnectionString { get; } = options.ConnectionString;

    public async Task<DbConnection> OpenAsync(CancellationToken ct = default)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(ct);
        await using var pragma = connection.CreateCommand();
        // synchronous=FULL: a committed request must survive power loss, WAL or not.
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;";
        await pragma.ExecuteNonQueryAsync(ct);
        return connection;
    }

    public static string BuildSqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(configured ?? "");
        if (string.IsNullOrWhiteSpace(builder.DataSource))
            builder.DataSource = Path.Combine(contentRoot, "data", "assistance.db");
        builder.ForeignKeys = true;
        builder.DefaultTimeout = 5;
        builder.Pooling = true;
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (folder is not null) Directory.CreateDirectory(folder);
        return builder.ToString();
    }
}
