using Microsoft.Data.Sqlite;

/// <summary>Where the seeded rows go: one transaction from <see cref="Begin"/> to <see cref="Commit"/>.</summary>
internal interface ISeedStore : IDisposable
{
    /// <summary>The demo central authorities' client ids by State, or null (with a message) if the database is not ready.</summary>
    Dictionary<string, string>? LoadClients();
    void Begin();
    void Request(Row row);
    void Counter(string from, string to, int year, int last);
    /// <summary>Sets the chain tips of the seeded requests, recounts the statistics rollup and commits.</summary>
    void Commit();
}

internal sealed class SqliteSeedStore : ISeedStore
{
    private readonly SqliteConnection _connection;
    private SqliteTransaction? _transaction;
    private Inserts? _inserts;

    public SqliteSeedStore(string database)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = database, Pooling = false, Mode = SqliteOpenMode.ReadWrite };
        _connection = new SqliteConnection(builder.ToString());
        _connection.Open();
    }

    public Dictionary<string, string>? LoadClients()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT state, id FROM clients WHERE role = 'central-authority' AND state IS NOT NULL AND revoked_at IS NULL ORDER BY id";
        var clients = new Dictionary<string, string>();
        try
        {
            using var reader = command.ExecuteReader();
            while (reader.Read()) clients.TryAdd(reader.GetString(0), reader.GetString(1));
        }
        catch (SqliteException e)
        {
            Console.Error.WriteLine($"not an AssistanceApi database (start the API on it once first): {e.Message}");
            return null;
        }
        return clients;
    }

    public void Begin()
    {
        // Loading appends pages: a rollback journal only records the few pages that existed before, where WAL would
        // write every new page twice. The API's own mode (WAL, synchronous=FULL) is restored at the end.
        Exec("PRAGMA journal_mode=DELETE; PRAGMA synchronous=OFF; PRAGMA cache_size=-1048576; PRAGMA temp_store=MEMORY; PRAGMA foreign_keys=ON;");
        _transaction = _connection.BeginTransaction();
        _inserts = new Inserts(_connection, _transaction);
    }

    public void Request(Row row) => _inserts!.Request(row);

    public void Counter(string from, string to, int year, int last) => _inserts!.Counter(from, to, year, last);

    public void Commit()
    {
        Exec("UPDATE requests SET chain_length = 1, chain_tip = (SELECT e.hash FROM request_events e WHERE e.request_id = requests.id AND e.sequence = 1) WHERE chain_length = 0");
        Exec(
            """
            DELETE FROM request_counts;
            INSERT INTO request_counts (day, requesting_state, requested_state, kind, status, n)
            SELECT substr(submitted_at, 1, 10), requesting_state, requested_state, kind, status, COUNT(*)
            FROM requests WHERE submitted_at IS NOT NULL
            GROUP BY substr(submitted_at, 1, 10), requesting_state, requested_state, kind, status;
            DELETE FROM refusal_ground_counts;
            INSERT INTO refusal_ground_counts (day, requesting_state, requested_state, kind, ground, provision, n)
            SELECT substr(r.submitted_at, 1, 10), r.requesting_state, r.requested_state, r.kind, g.ground, g.provision, COUNT(*)
            FROM request_refusal_grounds g JOIN requests r ON r.id = g.request_id
            WHERE r.submitted_at IS NOT NULL
            GROUP BY substr(r.submitted_at, 1, 10), r.requesting_state, r.requested_state, r.kind, g.ground, g.provision;
            """);
        _transaction!.Commit();
        _transaction.Dispose();
        _transaction = null;
        Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
    }

    private void Exec(string sql)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _transaction?.Dispose();
        _connection.Dispose();
    }
}

/// <summary>The prepared inserts, parameters bound once and reused for every row.</summary>
internal sealed class Inserts
{
    private readonly SqliteCommand _request;
    private readonly SqliteCommand _event;
    private readonly SqliteCommand _ground;
    private readonly SqliteCommand _counter;

    public Inserts(SqliteConnection connection, SqliteTransaction transaction)
    {
        _request = Prepare(connection, transaction,
            """
            INSERT INTO requests (id, reference, requesting_state, requested_state, kind, status, version, emergency, created_by, created_at,
                updated_at, submitted_at, acknowledged_at, closed_at, due_at, preserved_until, content, progress, related_request_id, acknowledge_by)
            VALUES ($id, $reference, $from, $to, 'mutual-legal-assistance', $status, $version, $emergency, $createdBy, $created,
                $updated, $submitted, $acknowledged, $closed, NULL, NULL, $content, $progress, NULL, $acknowledgeBy)
            """,
            "$id", "$reference", "$from", "$to", "$status", "$version", "$emergency", "$createdBy", "$created", "$updated", "$submitted",
            "$acknowledged", "$closed", "$content", "$progress", "$acknowledgeBy");
        _event = Prepare(connection, transaction,
            """
            INSERT INTO request_events (request_id, sequence, at, action, actor_state, actor_client, from_status, to_status, details, previous_hash, hash)
            VALUES ($id, 1, $at, 'create', $state, $client, NULL, 'draft', '{}', $previous, $hash)
            """,
            "$id", "$at", "$state", "$client", "$previous", "$hash");
        _ground = Prepare(connection, transaction,
            "INSERT INTO request_refusal_grounds (request_id, ground, provision) VALUES ($id, $ground, $provision)",
            "$id", "$ground", "$provision");
        _counter = Prepare(connection, transaction,
            """
            INSERT INTO reference_counters (requesting_state, requested_state, year, last) VALUES ($from, $to, $year, $last)
            ON CONFLICT (requesting_state, requested_state, year) DO UPDATE SET last = MAX(last, excluded.last)
            """,
            "$from", "$to", "$year", "$last");
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names) command.Parameters.Add(new SqliteParameter { ParameterName = name });
        command.Prepare();
        return command;
    }

    private static void Set(SqliteCommand command, string name, object? value) => command.Parameters[name].Value = value ?? DBNull.Value;

    private static string? Column(DateTimeOffset? value) => value is { } v ? BulkSeeder.Column(v) : null;

    public void Request(Row row)
    {
        Set(_request, "$id", row.Id);
        Set(_request, "$reference", row.Reference);
        Set(_request, "$from", row.From);
        Set(_request, "$to", row.To);
        Set(_request, "$status", row.Status);
        Set(_request, "$version", row.Version);
        Set(_request, "$emergency", row.Emergency ? 1 : 0);
        Set(_request, "$createdBy", row.CreatedBy);
        Set(_request, "$created", Column(row.Created));
        Set(_request, "$updated", Column(row.Updated));
        Set(_request, "$submitted", Column(row.Submitted));
        Set(_request, "$acknowledged", Column(row.Acknowledged));
        Set(_request, "$closed", Column(row.Closed));
        Set(_request, "$content", row.Content);
        Set(_request, "$progress", row.Progress);
        Set(_request, "$acknowledgeBy", Column(row.AcknowledgeBy));
        _request.ExecuteNonQuery();

        // The API records the event a moment after the row, when the unit of work flushes its audit trail.
        var at = BulkSeeder.Column(row.Created.AddTicks(1500));
        Set(_event, "$id", row.Id);
        Set(_event, "$at", at);
        Set(_event, "$state", row.From);
        Set(_event, "$client", row.CreatedBy);
        Set(_event, "$previous", new string('0', 64));
        Set(_event, "$hash", BulkSeeder.CreateEventHash(row.Id, at, row.From, row.CreatedBy));
        _event.ExecuteNonQuery();

        if (row.Refusal is { } refusal)
        {
            Set(_ground, "$id", row.Id);
            Set(_ground, "$ground", refusal.Ground);
            Set(_ground, "$provision", refusal.Provision);
            _ground.ExecuteNonQuery();
        }
    }

    public void Counter(string from, string to, int year, int last)
    {
        Set(_counter, "$from", from);
        Set(_counter, "$to", to);
        Set(_counter, "$year", year);
        Set(_counter, "$last", last);
        _counter.ExecuteNonQuery();
    }
}
