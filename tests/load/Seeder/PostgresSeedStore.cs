using Npgsql;
using NpgsqlTypes;

/// <summary>
/// The same rows into PostgreSQL, in native types (uuid, timestamptz, boolean), by binary COPY in chunks of
/// <see cref="Chunk"/> requests: each chunk's requests, then their create events and refusal grounds, so the foreign
/// keys hold at every step. One transaction; ANALYZE after it, so the API's first queries are planned on the real table.
/// </summary>
internal sealed class PostgresSeedStore(string connectionString) : ISeedStore
{
    private const int Chunk = 5000;

    private readonly NpgsqlConnection _connection = Open(connectionString);
    private readonly List<Row> _rows = new(Chunk);
    private readonly List<(string From, string To, int Year, int Last)> _counters = [];
    private NpgsqlTransaction? _transaction;

    private static NpgsqlConnection Open(string connectionString)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, CommandTimeout = 0 }.ConnectionString);
        connection.Open();
        return connection;
    }

    public Dictionary<string, string>? LoadClients()
    {
        var clients = new Dictionary<string, string>();
        try
        {
            using var command = new NpgsqlCommand(
                "SELECT state, id FROM clients WHERE role = 'central-authority' AND state IS NOT NULL AND revoked_at IS NULL ORDER BY id", _connection);
            using var reader = command.ExecuteReader();
            while (reader.Read()) clients.TryAdd(reader.GetString(0), reader.GetGuid(1).ToString("D"));
        }
        catch (PostgresException e)
        {
            Console.Error.WriteLine($"not an AssistanceApi database (start the API on it once first): {e.Message}");
            return null;
        }
        return clients;
    }

    public void Begin() => _transaction = _connection.BeginTransaction();

    public void Request(Row row)
    {
        _rows.Add(row);
        if (_rows.Count == Chunk) Flush();
    }

    public void Counter(string from, string to, int year, int last) => _counters.Add((from, to, year, last));

    public void Commit()
    {
        Flush();
        foreach (var (from, to, year, last) in _counters)
        {
            using var counter = new NpgsqlCommand(
                """
                INSERT INTO reference_counters (requesting_state, requested_state, year, last) VALUES (@from, @to, @year, @last)
                ON CONFLICT (requesting_state, requested_state, year) DO UPDATE SET last = GREATEST(reference_counters.last, excluded.last)
                """, _connection, _transaction);
            counter.Parameters.AddWithValue("from", from);
            counter.Parameters.AddWithValue("to", to);
            counter.Parameters.AddWithValue("year", year);
            counter.Parameters.AddWithValue("last", (long)last);
            counter.ExecuteNonQuery();
        }
        Exec("UPDATE requests SET chain_length = 1, chain_tip = (SELECT e.hash FROM request_events e WHERE e.request_id = requests.id AND e.sequence = 1) WHERE chain_length = 0");
        Exec(
            """
            DELETE FROM request_counts;
            INSERT INTO request_counts (day, requesting_state, requested_state, kind, status, n)
            SELECT (submitted_at AT TIME ZONE 'UTC')::date, requesting_state, requested_state, kind, status, COUNT(*)
            FROM requests WHERE submitted_at IS NOT NULL
            GROUP BY 1, requesting_state, requested_state, kind, status;
            DELETE FROM refusal_ground_counts;
            INSERT INTO refusal_ground_counts (day, requesting_state, requested_state, kind, ground, provision, n)
            SELECT (r.submitted_at AT TIME ZONE 'UTC')::date, r.requesting_state, r.requested_state, r.kind, g.ground, g.provision, COUNT(*)
            FROM request_refusal_grounds g JOIN requests r ON r.id = g.request_id
            WHERE r.submitted_at IS NOT NULL
            GROUP BY 1, r.requesting_state, r.requested_state, r.kind, g.ground, g.provision;
            """);
        _transaction!.Commit();
        _transaction.Dispose();
        _transaction = null;
        Exec("ANALYZE");
    }

    private void Flush()
    {
        if (_rows.Count == 0) return;
        using (var requests = _connection.BeginBinaryImport(
                   """
                   COPY requests (id, reference, requesting_state, requested_state, kind, status, version, emergency, created_by, created_at,
                       updated_at, submitted_at, acknowledged_at, closed_at, content, progress, acknowledge_by) FROM STDIN (FORMAT BINARY)
                   """))
        {
            foreach (var row in _rows)
            {
                requests.StartRow();
                requests.Write(Guid.Parse(row.Id), NpgsqlDbType.Uuid);
                Text(requests, row.Reference);
                requests.Write(row.From, NpgsqlDbType.Text);
                requests.Write(row.To, NpgsqlDbType.Text);
                requests.Write("mutual-legal-assistance", NpgsqlDbType.Text);
                requests.Write(row.Status, NpgsqlDbType.Text);
                requests.Write((long)row.Version, NpgsqlDbType.Bigint);
                requests.Write(row.Emergency, NpgsqlDbType.Boolean);
                requests.Write(Guid.Parse(row.CreatedBy), NpgsqlDbType.Uuid);
                Time(requests, row.Created);
                Time(requests, row.Updated);
                Time(requests, row.Submitted);
                Time(requests, row.Acknowledged);
                Time(requests, row.Closed);
                requests.Write(row.Content, NpgsqlDbType.Text);
                requests.Write(row.Progress, NpgsqlDbType.Text);
                Time(requests, row.AcknowledgeBy);
            }
            requests.Complete();
        }
        using (var events = _connection.BeginBinaryImport(
                   """
                   COPY request_events (request_id, sequence, at, action, actor_state, actor_client, from_status, to_status, details, previous_hash, hash)
                   FROM STDIN (FORMAT BINARY)
                   """))
        {
            foreach (var row in _rows)
            {
                // The API records the event a moment after the row, when the unit of work flushes its audit trail.
                var at = row.Created.AddTicks(1500);
                events.StartRow();
                events.Write(Guid.Parse(row.Id), NpgsqlDbType.Uuid);
                events.Write(1L, NpgsqlDbType.Bigint);
                Time(events, at);
                events.Write("create", NpgsqlDbType.Text);
                events.Write(row.From, NpgsqlDbType.Text);
                events.Write(Guid.Parse(row.CreatedBy), NpgsqlDbType.Uuid);
                events.WriteNull();
                events.Write("draft", NpgsqlDbType.Text);
                events.Write("{}", NpgsqlDbType.Text);
                events.Write(new string('0', 64), NpgsqlDbType.Text);
                events.Write(BulkSeeder.CreateEventHash(row.Id, BulkSeeder.Column(at), row.From, row.CreatedBy), NpgsqlDbType.Text);
            }
            events.Complete();
        }
        using (var grounds = _connection.BeginBinaryImport("COPY request_refusal_grounds (request_id, ground, provision) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var row in _rows)
            {
                if (row.Refusal is not { } refusal) continue;
                grounds.StartRow();
                grounds.Write(Guid.Parse(row.Id), NpgsqlDbType.Uuid);
                grounds.Write(refusal.Ground, NpgsqlDbType.Text);
                grounds.Write(refusal.Provision, NpgsqlDbType.Text);
            }
            grounds.Complete();
        }
        _rows.Clear();
    }

    private static void Text(NpgsqlBinaryImporter importer, string? value)
    {
        if (value is null) importer.WriteNull();
        else importer.Write(value, NpgsqlDbType.Text);
    }

    // Npgsql writes timestamptz from UTC values only; the seeder's times are UTC and whole microseconds already.
    private static void Time(NpgsqlBinaryImporter importer, DateTimeOffset? value)
    {
        if (value is { } v) importer.Write(v.UtcDateTime, NpgsqlDbType.TimestampTz);
        else importer.WriteNull();
    }

    private void Exec(string sql)
    {
        using var command = new NpgsqlCommand(sql, _connection, _transaction);
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _transaction?.Dispose();
        _connection.Dispose();
    }
}
