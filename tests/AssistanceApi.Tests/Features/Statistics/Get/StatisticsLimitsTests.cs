using System.Data.Common;
using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Features.Statistics.Get;
using AssistanceApi.Persistence;
using AssistanceApi.Tests.Support;
using Dapper;

namespace AssistanceApi.Tests.Features.Statistics.Get;

/// <summary>
/// Statistics cannot be turned against the server (issue 11, item 5): whole days only, a bounded number of kept
/// reports, computations that stop when nobody waits for them and never more than a few at once, and a 24/7 point
/// of contact counts only the kinds it may handle.
/// </summary>
public sealed class StatisticsLimitsTests(SharedApi api) : IClassFixture<SharedApi>
{
    private const string Statistics = "/api/v1/statistics";

    // ---- what a contact point may see ----

    [Fact]
    public async Task A_contact_point_counts_only_expedited_preservation_and_traffic_data_disclosure()
    {
        await using var api = new ApiFactory();
        await api.As(DemoKeys.Fra).SubmitNewAsync(Bodies.CompleteMla());
        await api.As(DemoKeys.Fra247).SubmitNewAsync(Bodies.CompletePreservation());

        var seenBy247 = await (await api.As(DemoKeys.Deu247).GetAsync(Statistics)).ExpectAsync(HttpStatusCode.OK);
        var seenByCa = await (await api.As(DemoKeys.Deu).GetAsync(Statistics)).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(["expedited-preservation"], seenBy247["byKindAndStatus"]!.AsArray().Select(k => k!["kind"].Str()).Distinct());
        Assert.Equal(1, Submitted(seenBy247));
        Assert.Equal(2, Submitted(seenByCa));
    }

    private static long Submitted(JsonObject report) => report["pairs"]!.AsArray().Sum(p => p!["submitted"]!.GetValue<long>());

    // ---- whole days ----

    [Theory]
    [InlineData("to=2026-11-27T10:00:00Z")]
    [InlineData("from=2026-11-01T00:00:01Z")]
    [InlineData("to=2026-11-27%2010:00")]
    public async Task A_period_is_whole_days_a_timestamp_is_400(string query)
    {
        var problem = await (await api.As(DemoKeys.Secretariat).GetAsync($"{Statistics}?{query}")).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(query.Split('=')[0], problem.Names());
    }

    // ---- a bounded cache ----

    [Fact]
    public async Task The_cache_keeps_at_most_the_configured_number_of_reports_dropping_the_least_recently_used()
    {
        await using var api = new ApiFactory();
        api.Settings["Statistics:CacheSeconds"] = "600";
        api.Settings["Statistics:CacheEntries"] = "4";
        var secretariat = api.As(DemoKeys.Secretariat);
        await api.As(DemoKeys.Fra).SubmitNewAsync(Bodies.CompleteMla());
        async Task<long> SubmittedFromAsync(int day) =>
            Submitted(await (await secretariat.GetAsync($"{Statistics}?from=2026-11-{day:00}&to=2026-11-30")).ExpectAsync(HttpStatusCode.OK));

        Assert.Equal(1, await SubmittedFromAsync(1));
        Assert.Equal(1, await SubmittedFromAsync(2));
        await api.As(DemoKeys.Fra).SubmitNewAsync(Bodies.CompleteMla());
        Assert.Equal(1, await SubmittedFromAsync(2)); // kept
        for (var day = 3; day <= 20; day++) await SubmittedFromAsync(day);

        Assert.Equal(4, api.Services.GetService(typeof(ReportCache)) is ReportCache cache ? cache.Count : -1);
        Assert.Equal(2, await SubmittedFromAsync(1)); // dropped long ago: computed afresh
    }

    // ---- the SQL itself stops ----

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_cancelled_statistics_query_stops_in_the_database()
    {
        await using var api = new ApiFactory();
        _ = api.As(DemoKeys.Secretariat);
        await using var database = new Database(new DatabaseOptions
        {
            Provider = TestDatabase.Provider, ConnectionString = api.Database.ConnectionString,
        });
        var slow = TestDatabase.Provider == DatabaseProvider.Postgres
            ? "SELECT 1 FROM pg_sleep(600)"
            : "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 4000000000) SELECT COUNT(*) FROM c";
        using var cancel = new CancellationTokenSource();

        var run = Task.Run(async () =>
        {
            await using var connection = await database.OpenAsync(cancel.Token);
            using var interrupt = Database.InterruptOn(connection, cancel.Token);
            return await connection.ExecuteScalarAsync<long>(new CommandDefinition(slow, cancellationToken: cancel.Token));
        });
        await Task.Delay(300);
        Assert.False(run.IsCompleted, $"the slow query ended by itself: {run.Exception}");
        cancel.Cancel();

        var stopped = await Record.ExceptionAsync(() => run.WaitAsync(Patience));
        Assert.True(stopped is OperationCanceledException or DbException, $"the query was not stopped: {stopped}");
    }
}
