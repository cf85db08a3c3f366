using System.Text.Json;
using Microsoft.Data.Sqlite;

/// <summary>
/// Reads of the API's own seeded database with a bare reader, each row written into the answer as it is stored
/// (content and progress raw): what the list page and GET by id cost before any of the API's work — no key, no
/// visibility check, no allowed actions, no preservation clock, no links. The ceiling the API's reads are held to.
/// </summary>
internal sealed class StoredRows(string databasePath)
{
    private const string Columns =
        "r.id, r.reference, r.requesting_state, r.requested_state, r.kind, r.status, r.version, r.emergency, r.created_by, " +
        "r.created_at, r.updated_at, r.submitted_at, r.acknowledge_by, r.acknowledged_at, r.closed_at, r.due_at, " +
        "r.preserved_until, r.content, r.progress";

    // The incoming page's query as the API sends it (direction=incoming&status=…): the requested State's visible
    // requests in one status, emergencies first, newest first, on the same partial index.
    private const string IncomingPage =
        $"SELECT {Columns} FROM requests r WHERE r.requested_state = $state AND r.status NOT IN ('draft', 'discarded') " +
        "AND r.status = $status ORDER BY r.emergency DESC, r.id DESC LIMIT $take";

    private const string ById = $"SELECT {Columns} FROM requests r WHERE r.id = $id";

    private readonly string _connectionString =
        new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = true }.ToString();

    public async Task PageAsync(HttpResponse response, string state, string status, int take)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = IncomingPage;
        command.Parameters.AddWithValue("$state", state);
        command.Parameters.AddWithValue("$status", status);
        command.Parameters.AddWithValue("$take", take + 1);
        await using var reader = await command.ExecuteReaderAsync();
        response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(response.BodyWriter);
        json.WriteStartObject();
        json.WriteStartArray("items");
        string? next = null;
        for (var n = 0; await reader.ReadAsync(); n++)
        {
            if (n == take) { next = reader.GetString(0); break; }
            WriteRow(json, reader);
        }
        json.WriteEndArray();
        json.WriteString("nextCursor", next);
        json.WriteEndObject();
        await json.FlushAsync();
    }

    public async Task<bool> OneAsync(HttpResponse response, string id)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = ById;
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) return false;
        response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(response.BodyWriter);
        WriteRow(json, reader);
        await json.FlushAsync();
        return true;
    }

    /// <summary>FRA's drafts at version 1, one id a line in id order: what is left for the submit ceiling to take.</summary>
    public async Task DraftsAsync(HttpResponse response)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM requests WHERE requesting_state = 'FRA' AND status = 'draft' AND version = 1 ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync();
        response.ContentType = "text/plain";
        while (await reader.ReadAsync()) await response.WriteAsync(reader.GetString(0) + "\n");
    }

    private static readonly string[] Names =
    [
        "id", "reference", "requestingState", "requestedState", "kind", "status", "version", "emergency", "createdBy",
        "createdAt", "updatedAt", "submittedAt", "acknowledgeBy", "acknowledgedAt", "closedAt", "dueAt", "preservedUntil",
    ];

    private static void WriteRow(Utf8JsonWriter json, SqliteDataReader reader)
    {
        json.WriteStartObject();
        for (var i = 0; i < Names.Length; i++)
        {
            if (reader.IsDBNull(i)) json.WriteNull(Names[i]);
            else if (i is 6) json.WriteNumber(Names[i], reader.GetInt64(i));
            else if (i is 7) json.WriteBoolean(Names[i], reader.GetInt64(i) != 0);
            else json.WriteString(Names[i], reader.GetString(i));
        }
        json.WritePropertyName("content");
        json.WriteRawValue(reader.GetString(17), skipInputValidation: true);
        json.WritePropertyName("progress");
        json.WriteRawValue(reader.GetString(18), skipInputValidation: true);
        json.WriteEndObject();
    }
}
