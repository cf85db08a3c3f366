using System.Text;
using Npgsql;
using NpgsqlTypes;

/// <summary>
/// The PostgreSQL floors (run.sh --provider postgres), on the server and with the settings the API uses:
///   POST /pg/insert  the body (~1 KB) inserted by one INSERT in its own transaction: a commit per request, durable
///                    (the server's default synchronous_commit=on, fsync on). PostgreSQL groups concurrent commits itself.
///   GET  /pg/select  one row of floor_reads by primary key, its payload written as the answer.
///   GET  /pg/page    the 50 newest rows of floor_reads by primary key, their payloads written into one JSON array.
/// floor_reads holds 1,000 rows whose payload is the file Floors:ReadPayload (run.sh gives it the API's own answer to
/// the GET by id it measures), so the reads send the same bytes the API's do.
/// </summary>
internal static class PostgresFloors
{
    public static void Map(WebApplication app, string connectionString, string readPayload)
    {
        var source = NpgsqlDataSource.Create(connectionString);
        app.Lifetime.ApplicationStopped.Register(source.Dispose);
        var known = Prepare(source, File.ReadAllText(readPayload));

        app.MapPost("/pg/insert", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var payload = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
            var now = DateTime.UtcNow;
            var id = Guid.CreateVersion7(now);
            await using var command = source.CreateCommand("INSERT INTO floor_entries (id, at, payload) VALUES ($1, $2, $3)");
            command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id, NpgsqlDbType = NpgsqlDbType.Uuid });
            command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = now, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = payload, NpgsqlDbType = NpgsqlDbType.Text });
            await command.ExecuteNonQueryAsync(request.HttpContext.RequestAborted);
            return Results.Json(new { id }, statusCode: StatusCodes.Status201Created);
        });

        app.MapGet("/pg/select", async (HttpContext context) =>
        {
            await using var command = source.CreateCommand("SELECT payload FROM floor_reads WHERE id = $1");
            command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = known, NpgsqlDbType = NpgsqlDbType.Uuid });
            var payload = (string?)await command.ExecuteScalarAsync(context.RequestAborted);
            return payload is null ? Results.NotFound() : Results.Text(payload, "application/json", Encoding.UTF8);
        });

        app.MapGet("/pg/page", async (HttpContext context) =>
        {
            await using var command = source.CreateCommand("SELECT payload FROM floor_reads ORDER BY id DESC LIMIT 50");
            await using var reader = await command.ExecuteReaderAsync(context.RequestAborted);
            var page = new StringBuilder("{\"items\":[");
            var first = true;
            while (await reader.ReadAsync(context.RequestAborted))
            {
                if (!first) page.Append(',');
                page.Append(reader.GetString(0));
                first = false;
            }
            page.Append("]}");
            return Results.Text(page.ToString(), "application/json", Encoding.UTF8);
        });
    }

    /// <summary>Creates both tables afresh, fills floor_reads, and returns the id of a row in its middle.</summary>
    private static Guid Prepare(NpgsqlDataSource source, string payload)
    {
        using var command = source.CreateCommand(
            """
            DROP TABLE IF EXISTS floor_entries;
            CREATE TABLE floor_entries (id UUID NOT NULL PRIMARY KEY, at TIMESTAMPTZ NOT NULL, payload TEXT NOT NULL);
            DROP TABLE IF EXISTS floor_reads;
            CREATE TABLE floor_reads (id UUID NOT NULL PRIMARY KEY, at TIMESTAMPTZ NOT NULL, payload TEXT NOT NULL);
            """);
        command.ExecuteNonQuery();
        var known = Guid.Empty;
        var start = DateTimeOffset.UtcNow.AddSeconds(-1000);
        for (var i = 0; i < 1000; i++)
        {
            var id = Guid.CreateVersion7(start.AddSeconds(i));
            if (i == 500) known = id;
            using var insert = source.CreateCommand("INSERT INTO floor_reads (id, at, payload) VALUES ($1, now(), $2)");
            insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = payload });
            insert.ExecuteNonQuery();
        }
        using var analyze = source.CreateCommand("ANALYZE floor_reads");
        analyze.ExecuteNonQuery();
        return known;
    }
}
