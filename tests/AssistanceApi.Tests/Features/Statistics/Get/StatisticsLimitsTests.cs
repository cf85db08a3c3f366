using System.Data.Common;
using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Features.Statistics.Get;
using AssistanceApi.Persistence;
using AssistanceApi.Tests.Support;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace AssistanceApi.Tests.Features.Statistics.Get;

/// <summary>
/// Statistics cannot be turned against the server (issue 11, item 5): whole days only, a bounded number of kept
/// reports, computations that stop when nobody waits for them and never more than a few at once, and a 24/7 point
/// of contact counts only the kinds it may handle.
/// </summary>
public sealed class StatisticsLimitsTests
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
        await using var api = new ApiFactory();
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

    // ---- cancellation and the concurrency bound, on the cache itself ----

    private sealed class Lifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;
        public CancellationToken ApplicationStopping => CancellationToken.None;
        public CancellationToken ApplicationStopped => CancellationToken.None;
        public void StopApplication() { }
    }

    private static ReportCache Cache(int concurrent = 2) => new(new FakeTimeProvider(ApiFactory.Start),
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Statistics:ConcurrentComputations"] = $"{concurrent}" }).Build(),
        new Lifetime());

    private static StatisticsReport Report(string scope) =>
        new(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 1), scope, [], new Duration(0, null, null), new Duration(0, null, null), [], []);

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_computation_nobody_waits_for_any_more_is_cancelled()
    {
        var cache = Cache();
        var started = new TaskCompletionSource<CancellationToken>();
        using var caller = new CancellationTokenSource();

        var waiting = cache.GetAsync("k", TimeSpan.FromMinutes(1), async token =>
        {
            started.SetResult(token);
            await Task.Delay(Timeout.Infinite, token);
            return Report("never");
        }, caller.Token);
        var token = await started.Task.WaitAsync(Patience);
        caller.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Patience));
        Assert.True(token.IsCancellationRequested);
    }

    [Fact]
    public async Task A_shared_computation_goes_on_while_one_caller_still_waits()
    {
        var cache = Cache();
        var started = new TaskCompletionSource<CancellationToken>();
        var finish = new TaskCompletionSource();
        var computations = 0;
        Func<CancellationToken, Task<StatisticsReport>> compute = async token =>
        {
            Interlocked.Increment(ref computations);
            started.TrySetResult(token);
            await finish.Task.WaitAsync(token);
            return Report("done");
        };
        using var leaving = new CancellationTokenSource();

        var first = cache.GetAsync("k", TimeSpan.FromMinutes(1), compute, leaving.Token);
        var token = await started.Task.WaitAsync(Patience);
        var second = cache.GetAsync("k", TimeSpan.FromMinutes(1), compute, CancellationToken.None);
        leaving.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.WaitAsync(Patience));
        finish.SetResult();

        Assert.Equal("done", (await second.WaitAsync(Patience)).Scope);
        Assert.False(token.IsCancellationRequested);
        Assert.Equal(1, computations);
    }

    [Fact]
    public async Task A_caller_after_an_abandoned_computation_starts_a_fresh_one()
    {
        var cache = Cache();
        var started = new TaskCompletionSource();
        using var caller = new CancellationTokenSource();
        var abandoned = cache.GetAsync("k", TimeSpan.FromMinutes(1), async token =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, token);
            return Report("never");
        }, caller.Token);
        await started.Task.WaitAsync(Patience);
        caller.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned.WaitAsync(Patience));

        var report = await cache.GetAsync("k", TimeSpan.FromMinutes(1), _ => Task.FromResult(Report("fresh")), CancellationToken.None).WaitAsync(Patience);

        Assert.Equal("fresh", report.Scope);
    }

    [Fact]
    public async Task No_more_computations_run_at_once_than_configured()
    {
        var cache = Cache(concurrent: 2);
        var release = new TaskCompletionSource();
        var running = 0;
        var most = 0;
        var calls = Enumerable.Range(0, 6).Select(i => cache.GetAsync($"k{i}", TimeSpan.FromMinutes(1), async _ =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            await release.Task;
            Interlocked.Decrement(ref running);
            return Report($"r{i}");
        }, CancellationToken.None)).ToList();

        for (var i = 0; i < 3000 && Volatile.Read(ref running) < 2; i++) await Task.Delay(10);
        await Task.Delay(100);
        Assert.Equal(2, Volatile.Read(ref running));
        release.SetResult();
        await Task.WhenAll(calls).WaitAsync(Patience);
        Assert.Equal(2, most);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }

    [Fact]
    public async Task A_waiter_queued_behind_the_bound_may_leave_and_its_computation_never_starts()
    {
        var cache = Cache(concurrent: 1);
        var release = new TaskCompletionSource();
        var busy = new TaskCompletionSource();
        var blocker = cache.GetAsync("busy", TimeSpan.FromMinutes(1), async _ =>
        {
            busy.SetResult();
            await release.Task;
            return Report("busy");
        }, CancellationToken.None);
        await busy.Task.WaitAsync(Patience);
        var queuedRan = false;
        using var caller = new CancellationTokenSource();

        var queued = cache.GetAsync("queued", TimeSpan.FromMinutes(1), _ => { queuedRan = true; return Task.FromResult(Report("q")); }, caller.Token);
        caller.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued.WaitAsync(Patience));
        release.SetResult();
        await blocker.WaitAsync(Patience);

        Assert.False(queuedRan);
    }

    // ---- the SQL itself stops ----

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
