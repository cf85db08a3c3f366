// Bulk-loads requests straight into an AssistanceApi SQLite database (not through HTTP), for the load benchmark.
//
//   Seeder --db <file> [--requests N] [--drafts K] [--drafts-out <file>] [--samples-out <file>] [--random-seed S]
//
// The database must already be migrated and hold the demo States and clients: start the API once on the file with
// Seeding__Demo=true, stop it, then run this. Rows look like the API's own:
//   - N requests between the demo Parties (FRA on one side of ~70%), mixed statuses (draft, submitted,
//     acknowledged, in-execution, executed, refused), created over the last two years; content and progress JSON
//     in the shape and order the API serialises (JsonDefaults: camelCase, kebab-case enums, nulls written);
//     UUIDv7 ids in creation order; timestamps as TypeHandlers.Format writes them; references numbered per
//     pair of States and year, with reference_counters moved past them so later submissions do not collide;
//     one request_refusal_grounds row per refusal ground; one hash-chained 'create' audit event per request
//     (history is not benchmarked, so later lifecycle events are not written); the statistics rollup
//     (request_counts, refusal_ground_counts) recounted from the rows, as migration 0015's backfill does.
//   - K fresh drafts from FRA to DEU with the complete body of tests/load/bodies/create.json, created just now,
//     for the submit scenario; their ids go to --drafts-out, one a line.
//   - --samples-out gets one line per status: "<status> <id> <api key that may see it>".
// One transaction, prepared inserts, rollback journal while loading (then back to WAL).
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

// Seeder --db <file> --count-idempotency-keys: how many keys were recorded with a response (run.sh checks
// that every create of its run was).
if (args is ["--db", var countDb, "--count-idempotency-keys"])
{
    using var connection = new SqliteConnection($"Data Source={countDb};Mode=ReadOnly");
    connection.Open();
    using var count = connection.CreateCommand();
    count.CommandText = "SELECT COUNT(*) FROM idempotency_keys WHERE response <> ''";
    Console.WriteLine(count.ExecuteScalar());
    return 0;
}

var options = SeedOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: Seeder --db <file> [--requests N] [--drafts K] [--drafts-out <file>] [--samples-out <file>] [--random-seed S]");
    return 2;
}
return new BulkSeeder(options).Run();

internal sealed record SeedOptions(string Database, int Requests, int Drafts, string? DraftsOut, string? SamplesOut, int RandomSeed)
{
    public static SeedOptions? Parse(string[] args)
    {
        string? db = null, draftsOut = null, samplesOut = null;
        int requests = 0, drafts = 0, seed = 20260101;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--db": db = value; i++; break;
                case "--requests": requests = int.Parse(value ?? "x", CultureInfo.InvariantCulture); i++; break;
                case "--drafts": drafts = int.Parse(value ?? "x", CultureInfo.InvariantCulture); i++; break;
                case "--drafts-out": draftsOut = value; i++; break;
                case "--samples-out": samplesOut = value; i++; break;
                case "--random-seed": seed = int.Parse(value ?? "x", CultureInfo.InvariantCulture); i++; break;
                default: return null;
            }
        }
        return db is null || requests < 0 || drafts < 0 ? null : new SeedOptions(db, requests, drafts, draftsOut, samplesOut, seed);
    }
}

internal sealed class BulkSeeder(SeedOptions options)
{
    // The Parties of seeds/demo (NOR has no Convention status, so it neither sends nor receives here).
    private static readonly string[] Others = ["DEU", "BRA", "KEN", "VNM", "QAT"];
    private static readonly double[] OtherWeights = [0.40, 0.20, 0.15, 0.15, 0.10];

    private static readonly (string Status, double Weight)[] StatusMix =
    [
        ("draft", 0.08), ("submitted", 0.17), ("acknowledged", 0.15), ("in-execution", 0.20), ("executed", 0.30), ("refused", 0.10),
    ];

    private static readonly string Genesis = new('0', 64);

    // The API's wire options as far as serialisation goes: JsonSerializerDefaults.Web (camelCase, default encoder).
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private readonly Random _random = new(options.RandomSeed);
    private readonly Dictionary<(string From, string To, int Year), int> _counters = [];
    private readonly Dictionary<string, (string Id, string Key)> _samples = [];
    private long _lastMilliseconds;

    public int Run()
    {
        var clock = Stopwatch.StartNew();
        var builder = new SqliteConnectionStringBuilder { DataSource = options.Database, Pooling = false, Mode = SqliteOpenMode.ReadWrite };
        using var connection = new SqliteConnection(builder.ToString());
        connection.Open();

        var clients = LoadClients(connection);
        if (clients is null) return 1;

        // Loading appends pages: a rollback journal only records the few pages that existed before, where WAL would
        // write every new page twice. The API's own mode (WAL, synchronous=FULL) is restored at the end.
        Exec(connection, "PRAGMA journal_mode=DELETE; PRAGMA synchronous=OFF; PRAGMA cache_size=-1048576; PRAGMA temp_store=MEMORY; PRAGMA foreign_keys=ON;");

        var now = DateTimeOffset.UtcNow;
        var drafts = new List<string>(options.Drafts);
        using (var transaction = connection.BeginTransaction())
        {
            var inserts = new Inserts(connection, transaction);
            SeedRequests(inserts, clients, now, clock);
            SeedDrafts(inserts, clients, now, drafts);
            foreach (var ((from, to, year), last) in _counters)
                inserts.Counter(from, to, year, last);
            // The chain tip the API appends after (length and last hash). Left unsealed: the seeded chains use the
            // unkeyed recipe and show chainValid false, which is fine, since history is not benchmarked; what matters is
            // that the next event of a seeded request follows its create event.
            using (var tips = connection.CreateCommand())
            {
                tips.Transaction = transaction;
                tips.CommandText =
                    "UPDATE requests SET chain_length = 1, chain_tip = (SELECT e.hash FROM request_events e WHERE e.request_id = requests.id AND e.sequence = 1) WHERE chain_length = 0";
                tips.ExecuteNonQuery();
            }
            // The rows were written past the API's write path, so the statistics rollup (migration 0015) is counted
            // afresh from them, as the migration's backfill does.
            using (var rollup = connection.CreateCommand())
            {
                rollup.Transaction = transaction;
                rollup.CommandText =
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
                    """;
                rollup.ExecuteNonQuery();
            }
            transaction.Commit();
        }
        Exec(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");

        if (options.DraftsOut is not null) File.WriteAllLines(options.DraftsOut, drafts);
        if (options.SamplesOut is not null)
            File.WriteAllLines(options.SamplesOut, _samples.Select(s => $"{s.Key} {s.Value.Id} {s.Value.Key}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seeded {options.Requests} requests and {options.Drafts} drafts in {clock.Elapsed.TotalSeconds:F1} s"));
        return 0;
    }

    private static Dictionary<string, string>? LoadClients(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
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
        foreach (var state in Others.Append("FRA"))
            if (!clients.ContainsKey(state))
            {
                Console.Error.WriteLine($"no central-authority client for {state}: start the API once on this file with Seeding__Demo=true");
                return null;
            }
        return clients;
    }

    private void SeedRequests(Inserts inserts, Dictionary<string, string> clients, DateTimeOffset now, Stopwatch clock)
    {
        if (options.Requests == 0) return;
        // Creation times spread evenly over the last two years (with jitter), ending a day ago, oldest first.
        var start = now.AddDays(-730);
        var step = (now.AddDays(-1) - start).Ticks / options.Requests;
        for (var i = 0; i < options.Requests; i++)
        {
            var created = Micro(start.AddTicks(step * i + (long)(_random.NextDouble() * step * 0.9)));
            var (from, to) = Pair();
            var status = Pick();
            var row = Build(from, to, status, created, now.AddMinutes(-1), clients);
            inserts.Request(row);
            if (i > 0 && i % 100_000 == 0)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {i} requests ({clock.Elapsed.TotalSeconds:F0} s)"));
        }
    }

    private void SeedDrafts(Inserts inserts, Dictionary<string, string> clients, DateTimeOffset now, List<string> ids)
    {
        // Created over the last moments, a millisecond apart at least, so their ids sort after everything else.
        var first = now.AddMilliseconds(-options.Drafts - 1000);
        var content = Content.Complete("FRA", "DEU", 0, emergency: false, reference: "PNC-2026-42");
        for (var i = 0; i < options.Drafts; i++)
        {
            var created = Micro(first.AddMilliseconds(i));
            var row = new Row(NextId(created), "FRA", "DEU", "draft", 1, false, clients["FRA"], created, created, null, null, null, null, null, content, "{}", null);
            inserts.Request(row);
            ids.Add(row.Id);
        }
    }

    private (string From, string To) Pair()
    {
        var r = _random.NextDouble();
        if (r < 0.40) return ("FRA", Weighted());
        if (r < 0.70) return (Weighted(), "FRA");
        var a = Others[_random.Next(Others.Length)];
        string b;
        do b = Others[_random.Next(Others.Length)]; while (b == a);
        return (a, b);
    }

    private string Weighted()
    {
        var r = _random.NextDouble();
        for (var i = 0; i < Others.Length; i++)
        {
            r -= OtherWeights[i];
            if (r < 0) return Others[i];
        }
        return Others[^1];
    }

    private string Pick()
    {
        var r = _random.NextDouble();
        foreach (var (status, weight) in StatusMix)
        {
            r -= weight;
            if (r < 0) return status;
        }
        return StatusMix[^1].Status;
    }

    private Row Build(string from, string to, string status, DateTimeOffset created, DateTimeOffset limit, Dictionary<string, string> clients)
    {
        var emergency = _random.NextDouble() < 0.02;
        var template = _random.Next(Content.CaseCount);
        var stage = Array.IndexOf(["draft", "submitted", "acknowledged", "in-execution", "executed"], status);
        if (status == "refused") stage = 5;

        // Days from one step to the next: submit, acknowledge, then start execution and complete, or consult and refuse.
        double[] gaps = stage switch
        {
            0 => [],
            1 => [Days(0.02, 10)],
            2 => [Days(0.02, 10), Days(0.05, 6)],
            3 => [Days(0.02, 10), Days(0.05, 6), Days(1, 20)],
            4 => [Days(0.02, 10), Days(0.05, 6), Days(1, 20), Days(5, 180)],
            _ => [Days(0.02, 10), Days(0.05, 6), Days(1, 30), Days(1, 20), Days(0.05, 10)],
        };
        // A young request cannot have lived longer than it exists: squeeze its steps into its age.
        var total = gaps.Sum();
        var age = (limit - created).TotalDays;
        var scale = total > age * 0.95 ? age * 0.95 / total : 1.0;
        var times = new List<DateTimeOffset>();
        var t = created;
        foreach (var gap in gaps)
        {
            t = Micro(t.AddDays(gap * scale));
            times.Add(t);
        }

        var id = NextId(created);
        DateTimeOffset? submitted = stage >= 1 ? times[0] : null;
        DateTimeOffset? acknowledged = stage >= 2 ? times[1] : null;
        DateTimeOffset? closed = stage is 4 ? times[3] : stage is 5 ? times[4] : null;
        var updated = times.Count > 0 ? times[^1] : created;
        DateTimeOffset? acknowledgeBy = submitted?.AddHours(emergency ? 24 : 48);
        string? reference = null;
        if (submitted is { } s)
        {
            var key = (from, to, s.Year);
            var number = _counters.GetValueOrDefault(key) + 1;
            _counters[key] = number;
            reference = $"{from}-{to}-{s.Year}-{number:D6}";
        }
        var version = stage switch { 5 => 6, _ => stage + 1 };
        var content = Content.Complete(from, to, template, emergency, $"{from}-CASE-{created.Year}-{_random.Next(1, 99999):D5}");
        (string Ground, string Provision)? ground = status == "refused" ? RefusalGround(to) : null;
        var progress = stage switch
        {
            <= 1 => "{}",
            2 or 3 => Progress(to, created, null, null),
            4 => Progress(to, created, Outcome(times[3]), null),
            _ => Progress(to, created, null, Refusal(ground!.Value, times[2], times[3], times[4])),
        };
        var row = new Row(id, from, to, status, version, emergency, clients[from], created, updated, submitted, acknowledgeBy, acknowledged, closed,
            reference, content, progress, ground);
        _samples.TryAdd(status, (id, $"demo-{from.ToLowerInvariant()}-ca"));
        return row;
    }

    private double Days(double min, double max) => min + _random.NextDouble() * (max - min);

    // The wire shape of RequestProgress after acknowledgement: every member, nulls written, in declaration order.
    private string Progress(string requested, DateTimeOffset created, JsonObject? outcome, (JsonObject Consultation, JsonObject Refusal)? refusal)
    {
        var progress = new JsonObject
        {
            ["requestedReference"] = $"{requested}-MLA-{created.Year}-{_random.Next(1, 99999):D5}",
            ["confidentiality"] = null,
            ["informationRequests"] = new JsonArray(),
            ["consultation"] = refusal?.Consultation,
            ["conditions"] = null,
            ["refusal"] = refusal?.Refusal,
            ["postponement"] = null,
            ["outcome"] = outcome,
            ["withdrawal"] = null,
            ["release"] = null,
        };
        return progress.ToJsonString(Web);
    }

    private static JsonObject Outcome(DateTimeOffset at) => new()
    {
        ["result"] = "executed",
        ["summary"] = "The witness was heard and the record of the hearing was sent through the central authority.",
        ["unexecutedReasons"] = null,
        ["completedAt"] = Wire(at),
    };

    private static readonly (string Ground, string Provision)[] Grounds =
    [
        ("essential-interests", "uncc-40-21-b"), ("domestic-law-prohibits", "uncc-40-21-c"), ("not-in-conformity", "uncc-40-21-a"),
    ];

    private (string Ground, string Provision) RefusalGround(string requested) =>
        requested == "DEU" && _random.NextDouble() < 0.5 ? ("no-dual-criminality", "uncc-40-9") : Grounds[_random.Next(Grounds.Length)];

    private static (JsonObject, JsonObject) Refusal((string Ground, string Provision) ground, DateTimeOffset opened, DateTimeOffset answered, DateTimeOffset refused)
    {
        var consultation = new JsonObject
        {
            ["intent"] = "refuse",
            ["proposedConditions"] = new JsonArray("The evidence is used only in the proceeding named in the request."),
            ["reasons"] = "Execution as requested would conflict with the domestic law of the requested State.",
            ["openedAt"] = Wire(opened),
            ["answer"] = "declined",
            ["comment"] = "The requesting State cannot accept the proposed condition.",
            ["answeredAt"] = Wire(answered),
        };
        var refusal = new JsonObject
        {
            ["grounds"] = new JsonArray(new JsonObject { ["ground"] = ground.Ground, ["provision"] = ground.Provision }),
            ["reasons"] = "After consultation, the request cannot be executed under the domestic law of the requested State.",
            ["refusedAt"] = Wire(refused),
        };
        return (consultation, refusal);
    }

    /// <summary>UUIDv7 of the creation time; strictly increasing, as the API's Ids.Next keeps them.</summary>
    private string NextId(DateTimeOffset at)
    {
        var ms = Math.Max(at.ToUnixTimeMilliseconds(), _lastMilliseconds + 1);
        _lastMilliseconds = ms;
        return Guid.CreateVersion7(DateTimeOffset.FromUnixTimeMilliseconds(ms)).ToString("D");
    }

    private static DateTimeOffset Micro(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % 10));
    }

    /// <summary>TypeHandlers.Format: the column text.</summary>
    internal static string Column(DateTimeOffset value) =>
        Micro(value).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>JsonDefaults' UtcTimestampConverter: timestamps inside JSON documents.</summary>
    internal static string Wire(DateTimeOffset value) =>
        Micro(value).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>AuditHash.Compute for the first event of a chain.</summary>
    internal static string CreateEventHash(string id, string at, string state, string client)
    {
        var canonical = JsonSerializer.Serialize(new object?[] { id, 1L, at, "create", state, client, null, "draft", "{}", Genesis });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    private static void Exec(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

internal sealed record Row(
    string Id, string From, string To, string Status, int Version, bool Emergency, string CreatedBy, DateTimeOffset Created, DateTimeOffset Updated,
    DateTimeOffset? Submitted, DateTimeOffset? AcknowledgeBy, DateTimeOffset? Acknowledged, DateTimeOffset? Closed, string? Reference,
    string Content, string Progress, (string Ground, string Provision)? Refusal);

/// <summary>The three prepared inserts, parameters bound once and reused for every row.</summary>
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

/// <summary>RequestContent as the API stores it: every member in declaration order, nulls written.</summary>
internal static class Content
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private sealed record Case(string Subject, int Article, string Facts, string[] Measures, string Sought, string Purpose, string Person, string Role, bool Electronic);

    private static readonly Case[] Cases =
    [
        new("Ransomware attack on a hospital", 7, "The hospital's systems were encrypted on 2 March 2026.", ["taking-evidence"],
            "Hear the system administrator as a witness.", "To establish how access was gained.", "A. Witness", "witness", false),
        new("Phishing campaign against the customers of a bank", 13,
            "Between January and March 2026 more than 4,000 customers received messages imitating their bank and lost their savings.",
            ["stored-data-access", "documents-and-records"], "Produce the subscriber and traffic data of the accounts that sent the messages.",
            "To identify the operators of the campaign.", "B. Suspect", "suspect", true),
        new("Distribution of child sexual abuse material", 14,
            "Material was shared in a closed forum whose server is hosted in the requested State.", ["search-and-seizure", "stored-data-access"],
            "Search the hosting premises and seize the server images.", "To identify the offenders and the victims.", "C. Administrator", "suspect", true),
        new("Interference with the billing system of an energy supplier", 10,
            "The billing platform was made unavailable for three days by a flood of requests from hired botnets.", ["taking-evidence", "documents-and-records"],
            "Obtain the records of the botnet rental service and hear its manager.", "To trace who ordered the attack.", "D. Manager", "witness", false),
        new("Laundering of the proceeds of online fraud", 17,
            "Proceeds of an investment fraud were moved through accounts opened with forged identity documents.", ["tracing-proceeds", "freezing"],
            "Trace and freeze the funds held in the accounts named in the annex.", "To recover the proceeds for the victims.", "E. Holder", "account-holder", false),
        new("Illegal interception of a ministry's e-mail", 8,
            "Mail of the ministry was copied for six months to an address registered with a provider in the requested State.",
            ["stored-data-access"], "Produce the subscriber data and login records of the receiving account.", "To identify who set up the forwarding.",
            "F. Official", "victim", true),
    ];

    public static int CaseCount => Cases.Length;

    private static readonly Dictionary<string, (string Name, string Functions, string Email, string Judge, string City)> Authorities = new()
    {
        ["FRA"] = ("Parquet national cyber", "Prosecutor", "cyber@parquet.example.org", "Investigating judge, Paris", "Paris"),
        ["DEU"] = ("Zentralstelle Cybercrime Bamberg", "Public prosecutor", "zcb@justiz.example.de", "Ermittlungsrichter, Bamberg", "Berlin"),
        ["BRA"] = ("Ministério Público Federal, cibercrime", "Federal prosecutor", "cyber@mpf.example.br", "Juiz federal, São Paulo", "São Paulo"),
        ["KEN"] = ("Office of the Director of Public Prosecutions", "Prosecution counsel", "cyber@odpp.example.ke", "Chief magistrate, Nairobi", "Nairobi"),
        ["VNM"] = ("Supreme People's Procuracy", "Procurator", "cyber@spp.example.vn", "People's court, Hanoi", "Hanoi"),
        ["QAT"] = ("Public Prosecution, cybercrime section", "Prosecutor", "cyber@pp.example.qa", "Criminal court, Doha", "Doha"),
    };

    /// <summary>
    /// A complete mutual legal assistance request. Case 0 from FRA to DEU with reference PNC-2026-42 is exactly the body
    /// of tests/load/bodies/create.json (Bodies.CompleteMla), which every treaty rule accepts: the submit scenario's drafts.
    /// </summary>
    public static string Complete(string from, string to, int caseIndex, bool emergency, string reference)
    {
        var c = Cases[caseIndex];
        var a = Authorities[from];
        var location = Authorities[to].City;
        var content = new JsonObject
        {
            ["kind"] = "mutual-legal-assistance",
            ["requestedState"] = to,
            ["legalBasis"] = "convention",
            ["requestingAuthority"] = new JsonObject { ["name"] = a.Name, ["functions"] = a.Functions, ["email"] = a.Email, ["phone"] = null },
            ["proceeding"] = new JsonObject
            {
                ["nature"] = "investigation",
                ["subject"] = c.Subject,
                ["reference"] = reference,
                ["conductingAuthority"] = new JsonObject { ["name"] = a.Judge, ["functions"] = "Investigating judge", ["email"] = null, ["phone"] = null },
            },
            ["offences"] = new JsonArray(new JsonObject { ["article"] = c.Article, ["description"] = null, ["maxPenaltyYears"] = null }),
            ["facts"] = c.Facts,
            ["measures"] = new JsonArray(c.Measures.Select(m => JsonValue.Create(m)).ToArray<JsonNode?>()),
            ["assistanceSought"] = c.Sought,
            ["procedures"] = null,
            ["persons"] = new JsonArray(new JsonObject { ["name"] = c.Person, ["role"] = c.Role, ["location"] = location, ["nationality"] = to }),
            ["purpose"] = c.Purpose,
            ["language"] = "en",
            ["urgent"] = null,
            ["urgencyReasons"] = null,
            ["emergency"] = emergency ? true : null,
            ["emergencyJustification"] = emergency ? "A person's life is at imminent risk (Art. 2(o)): the suspect has announced a further attack." : null,
            ["deadline"] = null,
            ["deadlineReasons"] = null,
            ["confidential"] = null,
            ["relatedRequestId"] = null,
            ["preservation"] = null,
            ["electronicData"] = c.Electronic
                ? new JsonObject
                {
                    ["categories"] = new JsonArray("subscriber", "traffic"),
                    ["identifiers"] = new JsonArray("203.0.113.7"),
                    ["from"] = "2026-01-01",
                    ["to"] = "2026-03-31",
                    ["durationDays"] = null,
                }
                : null,
        };
        return content.ToJsonString(Web);
    }
}
