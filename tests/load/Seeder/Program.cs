// Bulk-loads requests straight into an AssistanceApi database, SQLite or PostgreSQL (not through HTTP), for the load
// benchmark.
//
//   Seeder (--db <file> | --postgres <connection string>) [--requests N] [--drafts K] [--foreign-drafts F]
//          [--drafts-out <file>] [--samples-out <file>] [--random-seed S]
//
// The database must already be migrated and hold the demo States and clients: start the API once on it with
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
//   - F drafts addressed to DEU by the other demo Parties, created just now: what DEU's incoming list must not walk.
//   - --samples-out gets one line per status: "<status> <id> <api key that may see it>".
// One transaction: on SQLite prepared inserts with a rollback journal while loading (then back to WAL), on PostgreSQL
// binary COPY in chunks (SqliteSeedStore, PostgresSeedStore).
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Npgsql;

// Seeder --db <file> --count-idempotency-keys (or --postgres <connection string> ...): how many keys were recorded
// with a response (run.sh checks that every create of its run was).
if (args is [var store, var target, "--count-idempotency-keys"] && store is "--db" or "--postgres")
{
    using System.Data.Common.DbConnection connection = store == "--db"
        ? new SqliteConnection($"Data Source={target};Mode=ReadOnly")
        : new NpgsqlConnection(target);
    connection.Open();
    using var count = connection.CreateCommand();
    count.CommandText = "SELECT COUNT(*) FROM idempotency_keys WHERE response <> ''";
    Console.WriteLine(count.ExecuteScalar());
    return 0;
}

var options = SeedOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(
        "usage: Seeder (--db <file> | --postgres <connection string>) [--requests N] [--drafts K] [--foreign-drafts F] [--drafts-out <file>] [--samples-out <file>] [--random-seed S]");
    return 2;
}
return new BulkSeeder(options).Run();

internal sealed record SeedOptions(
    string? Database, string? Postgres, int Requests, int Drafts, int ForeignDrafts, string? DraftsOut, string? SamplesOut, int RandomSeed)
{
    public static SeedOptions? Parse(string[] args)
    {
        string? db = null, postgres = null, draftsOut = null, samplesOut = null;
        int requests = 0, drafts = 0, foreign = 0, seed = 20260101;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--db": db = value; i++; break;
                case "--postgres": postgres = value; i++; break;
                case "--foreign-drafts": foreign = int.Parse(value ?? "x", CultureInfo.InvariantCulture); i++; break;
                case "--requests": requests = int.Parse(value ?? "x", CultureInfo.InvariantCulture); i++; break;
                case "--drafts": drafts = int.Parse(value ?? "x", CultureInfo.InvariantCulture); i++; break;
                case "--drafts-out": draftsOut = value; i++; break;
                case "--samples-out": samplesOut = value; i++; break;
                case "--random-seed": seed = int.Parse(value ?? "x", CultureInfo.InvariantCulture); i++; break;
                default: return null;
            }
        }
        return (db is null) == (postgres is null) || requests < 0 || drafts < 0 || foreign < 0
            ? null
            : new SeedOptions(db, postgres, requests, drafts, foreign, draftsOut, samplesOut, seed);
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
        using ISeedStore store = options.Postgres is { } postgres ? new PostgresSeedStore(postgres) : new SqliteSeedStore(options.Database!);
        var clients = store.LoadClients();
        if (clients is null) return 1;
        foreach (var state in Others.Append("FRA"))
            if (!clients.ContainsKey(state))
            {
                Console.Error.WriteLine($"no central-authority client for {state}: start the API once on this database with Seeding__Demo=true");
                return 1;
            }

        var now = DateTimeOffset.UtcNow;
        var drafts = new List<string>(options.Drafts);
        store.Begin();
        SeedRequests(store, clients, now, clock);
        SeedDrafts(store, clients, now, drafts);
        SeedForeignDrafts(store, clients, now);
        foreach (var ((from, to, year), last) in _counters)
            store.Counter(from, to, year, last);
        // Then the chain tips (length and last hash) the API appends after, left unsealed: the seeded chains use the
        // unkeyed recipe and show chainValid false, which is fine, since history is not benchmarked; what matters is
        // that the next event of a seeded request follows its create event. And, since the rows were written past the
        // API's write path, the statistics rollup (migration 0015) counted afresh from them, as its backfill does.
        store.Commit();

        if (options.DraftsOut is not null) File.WriteAllLines(options.DraftsOut, drafts);
        if (options.SamplesOut is not null)
            File.WriteAllLines(options.SamplesOut, _samples.Select(s => $"{s.Key} {s.Value.Id} {s.Value.Key}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seeded {options.Requests} requests, {options.Drafts} drafts and {options.ForeignDrafts} foreign drafts in {clock.Elapsed.TotalSeconds:F1} s"));
        return 0;
    }

    private void SeedRequests(ISeedStore inserts, Dictionary<string, string> clients, DateTimeOffset now, Stopwatch clock)
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

    private void SeedDrafts(ISeedStore inserts, Dictionary<string, string> clients, DateTimeOffset now, List<string> ids)
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

    private void SeedForeignDrafts(ISeedStore inserts, Dictionary<string, string> clients, DateTimeOffset now)
    {
        // Drafts the other Parties are still writing to DEU, created over the last moments: DEU may not see them, and
        // its incoming list must not walk over them to find what it may see.
        string[] senders = ["FRA", "BRA", "KEN", "VNM", "QAT"];
        var first = now.AddMilliseconds(-options.ForeignDrafts - 1000);
        for (var i = 0; i < options.ForeignDrafts; i++)
        {
            var from = senders[i % senders.Length];
            var created = Micro(first.AddMilliseconds(i));
            var content = Content.Complete(from, "DEU", i % Content.CaseCount, emergency: false, reference: $"{from}-CASE-{created.Year}-{i % 99999 + 1:D5}");
            inserts.Request(new Row(NextId(created), from, "DEU", "draft", 1, false, clients[from], created, created, null, null, null, null, null, content, "{}", null));
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
}

internal sealed record Row(
    string Id, string From, string To, string Status, int Version, bool Emergency, string CreatedBy, DateTimeOffset Created, DateTimeOffset Updated,
    DateTimeOffset? Submitted, DateTimeOffset? AcknowledgeBy, DateTimeOffset? Acknowledged, DateTimeOffset? Closed, string? Reference,
    string Content, string Progress, (string Ground, string Provision)? Refusal);

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
