using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;
using static AssistanceApi.Tests.Support.Preservations;

namespace AssistanceApi.Tests.Features.Statistics.Get;

/// <summary>
/// GET /api/v1/statistics over a known data set built with the clock moving. All submitted on 2026-11-27 at 10:00Z:
/// <list type="bullet">
/// <item>executed: FRA → DEU, acknowledged after 1 day, completed 2 days after submission;</item>
/// <item>refused: FRA → DEU, acknowledged after 7 hours, refused on essential-interests and no-dual-criminality;</item>
/// <item>submitted: FRA → DEU, never acknowledged;</item>
/// <item>acknowledged: BRA → KEN, acknowledged after 3 hours;</item>
/// </list>
/// plus a FRA draft that was never submitted. Read on 2026-11-29 at 10:00Z.
/// </summary>
public sealed class StatisticsTests(SharedApi api) : IClassFixture<SharedApi>
{
    private const string Statistics = "/api/v1/statistics";
    private const string SecretFacts = "SECRET-FACTS-do-not-leak";
    private const string SecretReasons = "SECRET-REFUSAL-REASONS";

    private static JsonObject Mla(string requestedState, int n)
    {
        var body = Bodies.CompleteMla(requestedState);
        body["facts"] = $"{SecretFacts} #{n}: the hospital was attacked.";
        return body;
    }

    private static async Task BuildDataSetAsync(ApiFactory api)
    {
        var fra = api.As(DemoKeys.Fra);
        var deu = api.As(DemoKeys.Deu);
        var bra = api.As(DemoKeys.Bra);
        var ken = api.As(DemoKeys.Ken);

        await fra.CreateDraftAsync(Mla("DEU", 0));
        var executed = await fra.SubmitNewAsync(Mla("DEU", 1));
        var refused = await fra.SubmitNewAsync(Mla("DEU", 2));
        await fra.SubmitNewAsync(Mla("DEU", 3));
        var braToKen = await bra.SubmitNewAsync(Mla("KEN", 4));

        api.Clock.Advance(TimeSpan.FromHours(3));
        await ken.ActAsync(braToKen, "acknowledge");

        api.Clock.Advance(TimeSpan.FromHours(4));
        await deu.ActAsync(refused, "acknowledge");
        await deu.ActAsync(refused, "consult", new JsonObject { ["intent"] = "refuse", ["proposedConditions"] = new JsonArray("Only for proceeding PNC-2026-42") });
        await fra.ActAsync(refused, "decline-conditions", new JsonObject { ["comment"] = "We need it for a second proceeding." });
        var refusal = await deu.ActAsync(refused, "refuse", new JsonObject
        {
            ["grounds"] = new JsonArray("essential-interests", "no-dual-criminality"),
            ["reasons"] = SecretReasons,
        });
        Assert.Equal("refused", refusal["status"].Str());

        api.Clock.Advance(TimeSpan.FromHours(17));
        await deu.ActAsync(executed, "acknowledge");
        await deu.ActAsync(executed, "start-execution");

        api.Clock.Advance(TimeSpan.FromDays(1));
        var done = await deu.ActAsync(executed, "complete", new JsonObject { ["outcome"] = "executed", ["summary"] = "Witness heard." });
        Assert.Equal("executed", done["status"].Str());
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero), api.Clock.GetUtcNow());
    }

    private static async Task<JsonObject> StatisticsAsync(HttpClient client, string query = "") =>
        await (await client.GetAsync(Statistics + (query.Length == 0 ? "" : "?" + query))).ExpectAsync(HttpStatusCode.OK);

    private static string[] KindStatus(JsonObject report) =>
        report["byKindAndStatus"]!.AsArray().Select(r => $"{r!["kind"].Str()}/{r["status"].Str()}={r["count"]!.GetValue<long>()}").ToArray();

    private static string[] Pairs(JsonObject report) =>
        report["pairs"]!.AsArray().Select(p =>
            $"{p!["requestingState"].Str()}>{p["requestedState"].Str()} submitted={p["submitted"]!.GetValue<long>()} open={p["open"]!.GetValue<long>()} " +
            $"executed={p["executed"]!.GetValue<long>()} refused={p["refused"]!.GetValue<long>()}").ToArray();

    private static string[] Grounds(JsonObject report) =>
        report["refusalGrounds"]!.AsArray().Select(g => $"{g!["ground"].Str()}:{g["provision"].Str()}={g["count"]!.GetValue<long>()}").ToArray();

    private static void AssertDuration(JsonObject report, string name, long count, double? median, double? p90)
    {
        var d = report[name]!.AsObject();
        Assert.True(count == d["count"]!.GetValue<long>(), $"{name}.count: {d.ToJsonString()}");
        Assert.True(median == d["median"]?.GetValue<double>(), $"{name}.median expected {median}: {d.ToJsonString()}");
        Assert.True(p90 == d["p90"]?.GetValue<double>(), $"{name}.p90 expected {p90}: {d.ToJsonString()}");
    }

    private static void AssertNoContents(JsonObject report)
    {
        var text = report.ToJsonString();
        Assert.DoesNotContain(SecretFacts, text);
        Assert.DoesNotContain(SecretReasons, text);
        Assert.DoesNotContain("hospital", text);
        Assert.DoesNotContain("Witness heard", text);
        Assert.DoesNotContain("\"facts\"", text);
    }

    [Fact]
    public async Task The_secretariat_sees_every_pair_with_exact_counts_grounds_and_durations()
    {
        await using var api = new ApiFactory();
        await BuildDataSetAsync(api);
        var report = await StatisticsAsync(api.As(DemoKeys.Secretariat));

        Assert.Equal("all", report["scope"].Str());
        Assert.Equal("2026-11-29", report["to"].Str());
        Assert.Equal("2025-11-29", report["from"].Str());
        Assert.Equal(
            [
                "BRA>KEN submitted=1 open=1 executed=0 refused=0",
                "FRA>DEU submitted=3 open=1 executed=1 refused=1",
            ],
            Pairs(report));
        Assert.Equal(
            [
                "mutual-legal-assistance/acknowledged=1",
                "mutual-legal-assistance/executed=1",
                "mutual-legal-assistance/refused=1",
                "mutual-legal-assistance/submitted=1",
            ],
            KindStatus(report));
        Assert.Equal(["essential-interests:uncc-40-21-b=1", "no-dual-criminality:uncc-40-9=1"], Grounds(report));
        // Acknowledged after 0.125 (3 h), 0.292 (7 h) and 1 day: nearest-rank median is the 2nd, p90 the 3rd.
        AssertDuration(report, "daysToAcknowledgement", 3, 0.292, 1.0);
        AssertDuration(report, "daysToCompletion", 1, 2.0, 2.0);
        AssertNoContents(report);
    }

    [Fact]
    public async Task A_central_authority_sees_only_the_pairs_of_its_own_State()
    {
        await using var api = new ApiFactory();
        await BuildDataSetAsync(api);

        var fra = await StatisticsAsync(api.As(DemoKeys.Fra));
        Assert.Equal("FRA", fra["scope"].Str());
        Assert.Equal(["FRA>DEU submitted=3 open=1 executed=1 refused=1"], Pairs(fra));
        Assert.DoesNotContain("BRA", fra.ToJsonString());
        Assert.DoesNotContain("KEN", fra.ToJsonString());
        Assert.Equal(
            ["mutual-legal-assistance/executed=1", "mutual-legal-assistance/refused=1", "mutual-legal-assistance/submitted=1"],
            KindStatus(fra));
        Assert.Equal(["essential-interests:uncc-40-21-b=1", "no-dual-criminality:uncc-40-9=1"], Grounds(fra));
        // 0.292 and 1 day: nearest-rank median is the 1st of 2, p90 the 2nd.
        AssertDuration(fra, "daysToAcknowledgement", 2, 0.292, 1.0);
        AssertDuration(fra, "daysToCompletion", 1, 2.0, 2.0);
        AssertNoContents(fra);

        // The requested side of the same pair sees the same.
        var deu = await StatisticsAsync(api.As(DemoKeys.Deu));
        Assert.Equal("DEU", deu["scope"].Str());
        Assert.Equal(Pairs(fra), Pairs(deu));
        Assert.Equal(KindStatus(fra), KindStatus(deu));
    }

    [Fact]
    public async Task A_State_without_refusals_completions_or_requests_gets_empty_lists_and_null_medians()
    {
        await using var api = new ApiFactory();
        await BuildDataSetAsync(api);

        var ken = await StatisticsAsync(api.As(DemoKeys.Ken));
        Assert.Equal("KEN", ken["scope"].Str());
        Assert.Equal(["BRA>KEN submitted=1 open=1 executed=0 refused=0"], Pairs(ken));
        Assert.Empty(ken["refusalGrounds"]!.AsArray());
        AssertDuration(ken, "daysToAcknowledgement", 1, 0.125, 0.125);
        AssertDuration(ken, "daysToCompletion", 0, null, null);

        // A State with no requests sees empty statistics, not anybody else's.
        var qat = await StatisticsAsync(api.As(DemoKeys.Qat));
        Assert.Empty(qat["pairs"]!.AsArray());
        Assert.Empty(qat["byKindAndStatus"]!.AsArray());
    }

    [Fact]
    public async Task A_window_of_one_day_counts_what_was_submitted_that_day()
    {
        await using var api = new ApiFactory();
        await BuildDataSetAsync(api);
        var secretariat = api.As(DemoKeys.Secretariat);

        var day = await StatisticsAsync(secretariat, "from=2026-11-27&to=2026-11-27");
        Assert.Equal("2026-11-27", day["from"].Str());
        Assert.Equal("2026-11-27", day["to"].Str());
        var all = await StatisticsAsync(secretariat);
        Assert.Equal(Pairs(all), Pairs(day));
        Assert.Equal(KindStatus(all), KindStatus(day));
        Assert.Equal(Grounds(all), Grounds(day));
        Assert.Equal(4, day["byKindAndStatus"]!.AsArray().Sum(r => r!["count"]!.GetValue<long>()));
        AssertDuration(day, "daysToAcknowledgement", 3, 0.292, 1.0);

        var wide = await StatisticsAsync(secretariat, "from=2026-01-01&to=2026-12-31");
        Assert.Equal(Pairs(all), Pairs(wide));
        AssertNoContents(wide);
    }

    [Fact]
    public async Task A_window_that_excludes_everything_gives_zero_counts_and_null_medians()
    {
        await using var api = new ApiFactory();
        await BuildDataSetAsync(api);
        var secretariat = api.As(DemoKeys.Secretariat);

        foreach (var query in new[] { "from=2026-11-28&to=2026-12-31", "from=2026-11-28", "to=2026-11-26", "from=2020-01-01&to=2026-11-26" })
        {
            var empty = await StatisticsAsync(secretariat, query);
            Assert.True(empty["pairs"]!.AsArray().Count == 0, $"{query}: {empty.ToJsonString()}");
            Assert.Empty(empty["byKindAndStatus"]!.AsArray());
            Assert.Empty(empty["refusalGrounds"]!.AsArray());
            AssertDuration(empty, "daysToAcknowledgement", 0, null, null);
            AssertDuration(empty, "daysToCompletion", 0, null, null);
            AssertNoContents(empty);
        }
    }

    [Theory]
    [InlineData("from=2026-11-28&to=2026-11-27")]
    [InlineData("from=2027-01-01&to=2026-01-01")]
    public async Task A_window_ending_before_it_starts_is_a_400(string query)
    {
        var response = await api.As(DemoKeys.Secretariat).GetAsync($"{Statistics}?{query}");
        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem["errors"]!.AsArray());
    }

    [Theory]
    [InlineData("to=9999-12-31", "to")]
    [InlineData("to=0001-01-01", "to")]
    [InlineData("from=9999-12-31&to=9999-12-31", "from")]
    [InlineData("from=0001-01-01", "from")]
    [InlineData("from=1999-12-31&to=2000-01-31", "from")]
    public async Task A_date_outside_2000_to_2100_is_a_400_naming_it(string query, string field)
    {
        var response = await api.As(DemoKeys.Secretariat).GetAsync($"{Statistics}?{query}");
        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(problem["errors"]!.AsArray(), e => e!["name"].Str() == field && e["code"].Str() == "invalid-date");
    }

    [Theory]
    [InlineData("from=2026-1-1", "from")]
    [InlineData("from=+2026-01-01", "from")]
    [InlineData("to=1%20March%202026", "to")]
    [InlineData("to=2026-03-01T00:00:00Z", "to")]
    [InlineData("from=2026-01-01&from=2026-02-01", "from")]
    public async Task A_date_not_written_as_yyyy_mm_dd_is_a_400_naming_it(string query, string field)
    {
        var response = await api.As(DemoKeys.Secretariat).GetAsync($"{Statistics}?{query}");

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(field, problem.Names());
    }

    [Fact]
    public async Task Preservations_count_by_their_effective_status_and_never_show_their_contents()
    {
        await using var api = new ApiFactory();
        var host = api.WithoutSweeper();
        var fra = host.As(DemoKeys.Fra);
        var deu = host.As(DemoKeys.Deu);
        var body = Bodies.CompletePreservation();
        body["facts"] = SecretFacts;
        await PreservedIdAsync(fra, deu, "2027-01-26", body);

        // Past preservedUntil and no sweep: the statistics count it as expired, not open.
        api.AdvanceTo(new DateTimeOffset(2027, 1, 27, 0, 0, 1, TimeSpan.Zero));
        var report = await StatisticsAsync(host.As(DemoKeys.Secretariat));
        Assert.Equal(["expedited-preservation/expired=1"], KindStatus(report));
        Assert.Equal(["FRA>DEU submitted=1 open=0 executed=0 refused=0"], Pairs(report));
        AssertNoContents(report);
    }
}
