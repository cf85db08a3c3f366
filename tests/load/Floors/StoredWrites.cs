using System.Globalization;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

/// <summary>
/// What the guarantees write for a create and a submit on SQLite's one writer, on the API's own database: the statements
/// the API's writer runs for them (from SQLite's trace of its write connection), into the same tables and indexes,
/// committed as the API's writer commits them (one thread, a batch of queued units a transaction, a SAVEPOINT a unit,
/// WAL, synchronous=FULL, each caller answered after the COMMIT). Create: the idempotency look-up, the request, its
/// idempotency record, the first event of its audit chain and its outbox event. Submit: the row read as the audit
/// trail signs it (under the write lock), the pair's next reference, the row's transition with its version check and
/// chain tip in one UPDATE (the API runs two), the audit event, the outbox event and the statistics count. Left out:
/// no key, validation, treaty rule (nor its reads of the States and documents), JSON or hash (constants stand in for
/// the digests); of a submit's three reads of its row, the load the decision is taken on and the audit trail's read of
/// the state after; the writer's PRAGMA data_version a batch (for what reads keep). The ceiling of the API's writes.
/// A submit can be given a decision (StackRequiredSubmit.cs): it then also reads the two States' directory entries in
/// the transaction, and writes the digest, hash and seal the decision returns instead of the constants.
/// </summary>
internal sealed class StoredWrites
{
    private const int MaxBatch = 128;
    private const string Hash = "6d116918be13d9720061a4c6903f55b1cb9126bd2b3924d992d3ff773f93fcb4";
    private const string KeyId = "31e7f5ccb2b98ad4";
    // The fields of the API's answer to a create, recorded with its idempotency key, besides the id, times and content.
    private const string Response =
        "\"reference\":null,\"requestingState\":\"FRA\",\"status\":\"draft\",\"version\":1,\"allowedActions\":[\"submit\"],\"submittedAt\":null," +
        "\"acknowledgeBy\":null,\"acknowledgedAt\":null,\"closedAt\":null,\"dueAt\":null,\"preservedUntil\":null,\"requestedReference\":null," +
        "\"confidentiality\":null,\"informationRequests\":[],\"consultation\":null,\"conditions\":null,\"refusal\":null,\"postponement\":null," +
        "\"outcome\":null,\"withdrawal\":null,\"release\":null,\"kind\":\"mutual-legal-assistance\",\"requestedState\":\"DEU\",\"links\":{\"self\":null},";
    private const string Seal = KeyId + ":8f278f350a94ad7ba4df9c54d6caa02bddfcc9b6de6081efaf75064555099761";

    private readonly Channel<Unit> _queue = Channel.CreateUnbounded<Unit>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SqliteConnection _connection;
    private readonly string _client;
    private readonly Statements _sql;

    public StoredWrites(string databasePath)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        _connection.Open();
        using (var pragma = _connection.CreateCommand())
        {
            // The API's write connection (Persistence/Database.cs).
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY; PRAGMA busy_timeout=5000;";
            pragma.ExecuteNonQuery();
        }
        using (var client = _connection.CreateCommand())
        {
            client.CommandText = "SELECT id FROM clients WHERE state = 'FRA' AND role = 'central-authority' ORDER BY id LIMIT 1";
            _client = (string)(client.ExecuteScalar() ?? throw new InvalidOperationException("no central authority of FRA in the API's database"));
        }
        _sql = new Statements(_connection);
        new Thread(Loop) { IsBackground = true, Name = "stored-writes" }.Start();
    }

    /// <summary>A draft of FRA to DEU holding <paramref name="content"/>, with its idempotency record under <paramref name="key"/>.</summary>
    /// <remarks>With <paramref name="made"/>, the draft's id and its answer as made by the caller (Stack.cs) are stored instead.</remarks>
    public Task<object?> CreateAsync(string content, string key, (string Id, string Answer)? made = null) => Run(now =>
    {
        var id = made?.Id ?? Guid.CreateVersion7(now).ToString("D");
        var at = Stamp(now);
        using (var seen = _sql.Seen.Bind(_client, key, Stamp(now.AddHours(-24))).ExecuteReader())
            if (seen.Read()) return "replay";
        _sql.InsertRequest.Bind(id, _client, at, content).ExecuteNonQuery();
        _sql.Remember.Bind(_client, key, made?.Answer ?? $$"""{"id":"{{id}}",{{Response}}"createdAt":"{{at}}","updatedAt":"{{at}}","content":{{content}}}""", at).ExecuteNonQuery();
        _sql.Audit.Bind(id, 1, at, "create", null, "draft", "{}", new string('0', 64), null, _client, Hash, Hash).ExecuteNonQuery();
        _sql.Outbox.Bind(Guid.CreateVersion7(now).ToString("D"), "request.drafted", at, id, null, "draft", "{}").ExecuteNonQuery();
        return id;
    });

    /// <summary>The draft <paramref name="id"/> submitted, as the API's submit writes it; null when it is not a draft at version 1.</summary>
    /// <remarks>
    /// With <paramref name="decide"/>, the submit is decided on the row as read under the write lock and on the two
    /// States' directory entries read in the same transaction (StackRequiredSubmit.cs): null refuses it, otherwise the audit
    /// event's digest, hash and seal are those it returns.
    /// </remarks>
    public Task<object?> SubmitAsync(string id, SubmitDecision? decide = null) => Run(now =>
    {
        var at = Stamp(now);
        Found row;
        // The audit trail reads the row it signs as found, under the write lock (an edit made behind the API's back shows).
        using (var found = _sql.ReadRow.Bind(id).ExecuteReader())
        {
            if (!found.Read()) return null;
            for (var i = 0; i < found.FieldCount; i++) _ = found.GetValue(i);
            row = new Found(found.GetString(2), found.GetString(3), found.GetString(10), found.GetString(18), found.GetString(21));
        }
        var last = (long)_sql.NextReference.Bind(now.Year).ExecuteScalar()!;
        var reference = $"FRA-DEU-{now.Year}-{last:D6}";
        var link = new Link(Hash, Hash, Seal);
        if (decide is not null)
        {
            var states = new Dictionary<string, string>(2);
            using (var read = _sql.States.Bind(row.RequestingState, row.RequestedState).ExecuteReader())
                while (read.Read()) states[read.GetString(0)] = read.GetString(1);
            if (decide(row, states, reference, now) is not { } decided) return null;
            link = decided;
        }
        if (_sql.Transition.Bind(id, at, reference, Stamp(now.AddDays(2)), link.Hash, link.Seal).ExecuteNonQuery() != 1) return null;
        _sql.Audit.Bind(id, 2, at, "submit", "draft", "submitted", $$"""{"reference":"{{reference}}","warnings":[]}""", row.ChainTip, Hash, _client,
            link.StateDigest, link.Hash).ExecuteNonQuery();
        _sql.Outbox.Bind(Guid.CreateVersion7(now).ToString("D"), "request.submitted", at, id, reference, "submitted", """{"fromStatus":"draft"}""").ExecuteNonQuery();
        _sql.Count.Bind(now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ExecuteNonQuery();
        return reference;
    });

    /// <summary>What a submit decides on: the request row's fields it needs, as read under the write lock.</summary>
    public sealed record Found(string RequestingState, string RequestedState, string CreatedAt, string Content, string ChainTip);

    /// <summary>The audit event's link in the chain: the digest of the state after it, its hash, the row's keyed seal.</summary>
    public sealed record Link(string StateDigest, string Hash, string Seal);

    public delegate Link? SubmitDecision(Found row, IReadOnlyDictionary<string, string> states, string reference, DateTimeOffset at);

    private Task<object?> Run(Func<DateTimeOffset, object?> work)
    {
        var unit = new Unit(work);
        if (!_queue.Writer.TryWrite(unit)) unit.Done.SetException(new InvalidOperationException("The writer has stopped."));
        return unit.Done.Task;
    }

    private void Loop()
    {
        var batch = new List<Unit>(MaxBatch);
        var results = new List<object?>(MaxBatch);
        while (_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var unit)) batch.Add(unit);
            try
            {
                using (var transaction = _connection.BeginTransaction())
                {
                    _sql.Enlist(transaction);
                    foreach (var unit in batch)
                    {
                        _sql.Savepoint.ExecuteNonQuery();
                        try
                        {
                            var result = unit.Work(DateTimeOffset.UtcNow);
                            if (result is null) _sql.RollbackToSavepoint.ExecuteNonQuery();
                            results.Add(result);
                        }
                        catch (Exception e)
                        {
                            _sql.RollbackToSavepoint.ExecuteNonQuery();
                            results.Add(e);
                        }
                        _sql.Release.ExecuteNonQuery();
                    }
                    transaction.Commit();
                }
                // Only now is the batch durable: answer its callers.
                for (var i = 0; i < batch.Count; i++)
                    if (results[i] is Exception failed) batch[i].Done.SetException(failed);
                    else batch[i].Done.SetResult(results[i]);
            }
            catch (Exception e)
            {
                foreach (var unit in batch) unit.Done.TrySetException(e);
            }
            batch.Clear();
            results.Clear();
        }
    }

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private sealed class Unit(Func<DateTimeOffset, object?> work)
    {
        public Func<DateTimeOffset, object?> Work { get; } = work;
        public TaskCompletionSource<object?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>The statements, compiled once and bound afresh for each unit (the API keeps its compiled statements too).</summary>
    private sealed class Statements(SqliteConnection connection)
    {
        public readonly Command Savepoint = new(connection, "SAVEPOINT unit");
        public readonly Command RollbackToSavepoint = new(connection, "ROLLBACK TO unit");
        public readonly Command Release = new(connection, "RELEASE unit");

        public readonly Command Seen = new(connection,
            "SELECT fingerprint, response FROM idempotency_keys WHERE client_id = $1 AND idempotency_key = $2 AND created_at >= $3");

        public readonly Command InsertRequest = new(connection,
            $$"""
            INSERT INTO requests (id, requesting_state, requested_state, kind, status, version, emergency, related_request_id, created_by, created_at, updated_at, content, progress,
                                  chain_length, chain_tip, chain_seal)
            VALUES ($1, 'FRA', 'DEU', 'mutual-legal-assistance', 'draft', 1, 0, NULL, $2, $3, $3, $4, '{}', 1, '{{Hash}}', '{{Seal}}')
            """);

        public readonly Command Remember = new(connection,
            $$"""
            INSERT INTO idempotency_keys (client_id, idempotency_key, fingerprint, response, created_at) VALUES ($1, $2, '{{Hash}}', $3, $4)
            ON CONFLICT (client_id, idempotency_key) DO UPDATE SET fingerprint = excluded.fingerprint, response = excluded.response, created_at = excluded.created_at
            """);

        public readonly Command Audit = new(connection,
            $$"""
            INSERT INTO request_events (request_id, sequence, at, action, actor_state, actor_client, from_status, to_status, details, previous_hash,
                                        prior_digest, state_digest, key_id, hash)
            VALUES ($1, $2, $3, $4, 'FRA', $10, $5, $6, $7, $8, $9, $11, '{{KeyId}}', $12)
            """);

        public readonly Command Outbox = new(connection,
            """
            INSERT INTO events (position, id, type, occurred_at, request_id, reference, requesting_state, requested_state, kind, status,
                                actor_state, actor_role, audience, data, dedupe_key)
            VALUES ((SELECT COALESCE(MAX(position), 0) + 1 FROM events), $1, $2, $3, $4, $5, 'FRA', 'DEU', 'mutual-legal-assistance', $6,
                    'FRA', 'central-authority', 'request', $7, NULL)
            ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
            """);

        public readonly Command ReadRow = new(connection,
            """
            SELECT id, reference, requesting_state, requested_state, kind, status, version, emergency, related_request_id, created_by, created_at,
                   updated_at, submitted_at, acknowledge_by, acknowledged_at, closed_at, due_at, preserved_until, content, progress,
                   chain_length, chain_tip, chain_seal
            FROM requests WHERE id = $1
            """);

        public readonly Command States = new(connection, "SELECT code, document FROM states WHERE code IN ($1, $2)");

        public readonly Command NextReference = new(connection,
            """
            INSERT INTO reference_counters (requesting_state, requested_state, year, last) VALUES ('FRA', 'DEU', $1, 1)
            ON CONFLICT (requesting_state, requested_state, year) DO UPDATE SET last = reference_counters.last + 1
            RETURNING last
            """);

        // The API writes the chain's tip in a second UPDATE of the row; one is what the guarantee needs.
        public readonly Command Transition = new(connection,
            """
            UPDATE requests SET status = 'submitted', version = 2, updated_at = $2, progress = '{}', reference = $3, submitted_at = $2,
                                acknowledge_by = $4, acknowledged_at = NULL, closed_at = NULL, due_at = NULL, preserved_until = NULL,
                                chain_length = 2, chain_tip = $5, chain_seal = $6
            WHERE id = $1 AND version = 1
            """);

        public readonly Command Count = new(connection,
            """
            INSERT INTO request_counts (day, requesting_state, requested_state, kind, status, n) VALUES ($1, 'FRA', 'DEU', 'mutual-legal-assistance', 'submitted', 1)
            ON CONFLICT (day, requesting_state, requested_state, kind, status) DO UPDATE SET n = request_counts.n + excluded.n
            """);

        public void Enlist(SqliteTransaction transaction)
        {
            foreach (var command in new[] { Savepoint, RollbackToSavepoint, Release, Seen, InsertRequest, Remember, Audit, Outbox, ReadRow, States, NextReference, Transition, Count })
                command.Sql.Transaction = transaction;
        }
    }

    /// <summary>A prepared command with positional parameters $1, $2, …</summary>
    private sealed class Command
    {
        public readonly SqliteCommand Sql;

        public Command(SqliteConnection connection, string text)
        {
            Sql = connection.CreateCommand();
            Sql.CommandText = text;
            for (var i = 1; text.Contains($"${i}", StringComparison.Ordinal); i++) Sql.Parameters.Add(new SqliteParameter { ParameterName = $"${i}" });
        }

        public SqliteCommand Bind(params object?[] values)
        {
            if (values.Length != Sql.Parameters.Count)
                throw new ArgumentException($"{values.Length} values for the {Sql.Parameters.Count} parameters of: {Sql.CommandText}");
            for (var i = 0; i < values.Length; i++) Sql.Parameters[i].Value = values[i] ?? DBNull.Value;
            return Sql;
        }

        public int ExecuteNonQuery() => Sql.ExecuteNonQuery();
    }
}

/// <summary>The Idempotency-Key a create is stored under: the one sent, or a fresh one (wrk's create load sends one each).</summary>
internal static class IdempotencyKeys
{
    public static string Of(HttpRequest request) =>
        request.Headers["Idempotency-Key"].ToString() is { Length: > 0 } given ? given : Guid.NewGuid().ToString("N");
}
