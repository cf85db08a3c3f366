using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace AssistanceApi.Tests.Support;

/// <summary>What a database holds, read behind the API's back, to show a secret is nowhere in it.</summary>
public static class StoredCells
{
    /// <summary>Every non-null cell of every table, as text (blobs as UTF-8), on SQLite or PostgreSQL.</summary>
    public static async Task<List<(string Table, string Value)>> AllTextCellsAsync(DbConnection connection)
    {
        var cells = new List<(string, string)>();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = connection is SqliteConnection
                ? "SELECT name FROM sqlite_master WHERE type = 'table'"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"")}\"";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (reader.IsDBNull(i)) continue;
                    var value = reader.GetValue(i);
                    cells.Add((table, value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""));
                }
        }
        return cells;
    }
}
