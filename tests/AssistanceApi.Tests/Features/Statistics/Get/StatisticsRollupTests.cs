using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Domain;
using AssistanceApi.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AssistanceApi.Tests.Features.Statistics.Get;

/// <summary>
/// The report read from the rollup (request_counts, refusal_ground_counts) equals the full scan it replaced
/// (<see cref="ScanOracle"/>) on random histories: requests of both kinds between four States, drafts left or
/// discarded, every lifecycle action tried at random by either side (refused tries change nothing), preservations
/// that lapse with or without the sweep, the clock moving hours at a time so submissions spread over days. Compared
/// for the secretariat, a central authority and a 24/7 point of contact, over the default year and random periods.
/// </summary>
public sealed class StatisticsRollupTests
{
    private static readonly string[] States = ["FRA", "DEU", "BRA", "KEN"];
    private static readonly string[] Grounds = ["essential-interests", "no-dual-criminality", "domestic-law-prohibits"];

    private static readonly (string Key, string? State, Office? Office)[] Callers =
    [
        (DemoKeys.Secretariat, null, null), (DemoKeys.Fra, "FRA", Office.CentralAuthority), (DemoKeys.Deu247, "DEU", Office.ContactPoint),
    ];

    private sealed record Made(string Id, string From, string To, bool Preservation);

    // Seeds whose histories reach every status the report tells apart, and preservations lapsed but not yet swept.
    [Theory]
    [InlineData(1601)]
    [InlineData(1602)]
    [InlineData(1603)]
    public async Task The_report_from_the_rollup_equals_a_full_scan_on_random_histories(int seed)
    {
        await using var api = new ApiFactory();
        // The sweep runs when the history says, not whenever a clock advance wakes the background sweeper.
        await using var host = api.WithoutSweeper();
        var random = new Random(seed);
        var made = await RandomHistoryAsync(api, host, random);
        Assert.True(made.Count > 20, $"seed {seed}: only {made.Count} requests were made");
        // The history reached what the report distinguishes, else the comparison below proves little.
        var statuses = (await api.Database.QueryAsync<string>("SELECT DISTINCT status FROM requests")).ToHashSet();
        var expected = new[] { "draft", "discarded", "submitted", "acknowledged", "in-execution", "executed", "refused", "withdrawn", "preserved", "released", "expired" };
        Assert.True(expected.All(statuses.Contains), $"seed {seed} reached only {string.Join(", ", statuses.Order())}");
        var lapsedUnswept = await api.Database.QueryAsync<long>("SELECT COUNT(*) FROM requests WHERE status = 'preserved' AND preserved_until < @now",
            new { now = api.Clock.GetUtcNow() });
        Assert.True(lapsedUnswept.Single() > 0, $"seed {seed}: no preservation lapsed unswept");
        await AssertReportsEqualScanAsync(api, host, random, $"seed {seed}");
    }

    [Fact]
    public async Task The_backfill_of_migration_0015_counts_what_the_scan_counts()
    {
        await using var api = new ApiFactory();
        await using var host = api.WithoutSweeper();
        var random = new Random(1615);
        await RandomHistoryAsync(api, host, random);

        // As on a database upgraded from 0014: the rows are there, the counts are not, until the migration's backfill.
        await api.Database.ExecuteAsync("DELETE FROM request_counts");
        await api.Database.ExecuteAsync("DELETE FROM refusal_ground_counts");
        var emptied = ReportText.Of(await ReportAsync(host, DemoKeys.Secretariat, ""));
        Assert.DoesNotContain(emptied, line => line.Contains("submitted=", StringComparison.Ordinal));

        foreach (var statement in BackfillStatements()) await api.Database.ExecuteAsync(statement);
        await AssertReportsEqualScanAsync(api, host, random, "after the backfill");
    }

    /// <summary>The INSERT … SELECT statements of the provider's migration 0015, run as the migrator runs them.</summary>
    private static IEnumerable<string> BackfillStatements()
    {
        var statements = MigrationScripts.Statements("0015_statistics_rollup.sql", "INSERT INTO");
        Assert.Equal(2, statements.Count);
        return statements;
    }

    private static async Task AssertReportsEqualScanAsync(ApiFactory api, WebApplicationFactory<Program> host, Random random, string context)
    {
        var now = api.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var first = DateOnly.FromDateTime(ApiFactory.Start.UtcDateTime);
        var windows = new List<(DateOnly? From, DateOnly? To)> { (null, null) };
        for (var i = 0; i < 4; i++)
        {
            var from = first.AddDays(random.Next(-1, 20));
            windows.Add((from, from.AddDays(random.Next(0, 8))));
        }
        foreach (var (key, state, office) in Callers)
        foreach (var (from, to) in windows)
        {
            var query = from is null ? "" : $"from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}";
            var fromApi = ReportText.Of(await ReportAsync(host, key, query));
            var scanned = await ScanOracle.ReportAsync(api.Database, from ?? today.AddYears(-1), to ?? today, state, office, now);
            Assert.True(scanned.SequenceEqual(fromApi),
                $"{context}, {key} {query}:\nscan:\n  {string.Join("\n  ", scanned)}\nrollup:\n  {string.Join("\n  ", fromApi)}");
        }
    }

    private static async Task<JsonObject> ReportAsync(WebApplicationFactory<Program> host, string key, string query) =>
        await (await host.As(key).GetAsync("/api/v1/statistics" + (query.Length == 0 ? "" : "?" + query))).ExpectAsync(HttpStatusCode.OK);

    /// <summary>
    /// Requests created at random moments, each sent along a random path of the lifecycle (its steps interleaved with
    /// the others' and the clock moving between them), plus random tries that the lifecycle mostly refuses.
    /// </summary>
    private static async Task<List<Made>> RandomHistoryAsync(ApiFactory api, WebApplicationFactory<Program> host, Random random)
    {
        var clients = States.ToDictionary(s => s, s => host.As($"demo-{s.ToLowerInvariant()}-ca"));
        var made = new List<Made>();
        var pending = new List<(Made Request, Queue<string> Steps)>();
        for (var step = 0; step < 300; step++)
        {
            api.Clock.Advance(TimeSpan.FromMinutes(random.Next(0, 4 * 60)));
            var roll = random.NextDouble();
            if (roll < 0.2 || pending.Count == 0)
            {
                if (await CreateAsync(clients, random) is not { } request) continue;
                made.Add(request);
                pending.Add((request, new Queue<string>(PathFor(request, random))));
            }
            else if (roll < 0.25)
            {
                var target = made[random.Next(made.Count)];
                await clients[target.From].DeleteRequestAsync(target.Id); // a draft is discarded; anything else refuses
            }
            else if (roll < 0.28) await host.SweepAsync();
            else if (roll < 0.35) await ActAsync(clients, made[random.Next(made.Count)], RandomAction(made[random.Next(made.Count)], random), random, api.Clock.GetUtcNow());
            else
            {
                var i = random.Next(pending.Count);
                var (request, steps) = pending[i];
                if (steps.Count == 0) pending.RemoveAt(i);
                else await ActAsync(clients, request, steps.Dequeue(), random, api.Clock.GetUtcNow());
            }
        }
        // Preservations run at least 60 days (Art. 42(7)): past the end of some, swept; past more, not yet swept.
        api.Clock.Advance(TimeSpan.FromDays(62));
        await host.SweepAsync();
        api.Clock.Advance(TimeSpan.FromDays(8));
        return made;
    }

    private static readonly string[][] PreservationPaths =
    [
        [], ["acknowledge"], ["acknowledge", "preserve"], ["acknowledge", "preserve"], ["acknowledge", "preserve", "extend"],
        ["acknowledge", "preserve", "release"], ["withdraw"], ["acknowledge", "refuse"],
    ];

    private static IEnumerable<string> PathFor(Made request, Random random)
    {
        if (request.Preservation) return PreservationPaths[random.Next(PreservationPaths.Length)];
        var paths = LifecycleTable.Paths.Values.ToArray();
        var path = paths[random.Next(paths.Length)];
        // The draft path submits nothing; the others start from submitted, so a draft left unsubmitted is submitted first.
        return path.Steps.Length == 0 ? [] : ["submit", .. path.Steps.Select(s => s.Action)];
    }

    private static string RandomAction(Made target, Random random)
    {
        string[] actions = target.Preservation
            ? ["acknowledge", "preserve", "extend", "release", "withdraw", "refuse", "submit"]
            : [.. LifecycleTable.Actions, "submit"];
        return actions[random.Next(actions.Length)];
    }

    private static async Task<Made?> CreateAsync(Dictionary<string, HttpClient> clients, Random random)
    {
        var from = States[random.Next(States.Length)];
        var to = States.Where(s => s != from).ElementAt(random.Next(States.Length - 1));
        var preservation = random.NextDouble() < 0.4;
        var body = preservation ? Bodies.CompletePreservation(to) : Bodies.CompleteMla(to);
        var created = await clients[from].PostJsonAsync(RequestCalls.RequestsUrl, body);
        if (created.StatusCode != HttpStatusCode.Created) return null;
        var id = (await created.JsonAsync())["id"].Str();
        var draft = random.NextDouble();
        if (draft < 0.06) await clients[from].DeleteRequestAsync(id); // discarded
        else if (draft < 0.85) await clients[from].SubmitAsync(id);
        return new Made(id, from, to, preservation);
    }

    /// <summary>One action by the side that takes it; whatever the lifecycle refuses changes nothing, which is part of the test.</summary>
    private static async Task ActAsync(Dictionary<string, HttpClient> clients, Made target, string action, Random random, DateTimeOffset now)
    {
        var side = action is "submit" ? LifecycleTable.Requesting : LifecycleTable.SideOf(action);
        var client = clients[side == LifecycleTable.Requesting ? target.From : target.To];
        JsonNode? body = action switch
        {
            "preserve" or "extend" => BodyParts.Until(DateOnly.FromDateTime(now.UtcDateTime).AddDays(random.Next(61, 80))
                .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            "release" => new JsonObject { ["reason"] = "No longer needed." },
            "refuse" => new JsonObject
            {
                ["grounds"] = new JsonArray(Grounds.Where(_ => random.NextDouble() < 0.5).DefaultIfEmpty(Grounds[0]).Select(g => (JsonNode)g!).ToArray()),
                ["reasons"] = "National security.",
            },
            "complete" when random.NextDouble() < 0.3 => new JsonObject
                { ["outcome"] = "partially-executed", ["summary"] = "Logs sent.", ["unexecutedReasons"] = "The witness has died." },
            _ => LifecycleTable.ValidBody(action),
        };
        await client.TryActAsync(target.Id, action, body);
    }
}
