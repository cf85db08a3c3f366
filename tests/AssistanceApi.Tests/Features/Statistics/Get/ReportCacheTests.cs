using AssistanceApi.Features.Statistics.Get;
using AssistanceApi.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace AssistanceApi.Tests.Features.Statistics.Get;

/// <summary>
/// The statistics cache on its own, without a host: computations stop when nobody waits for them, and never more run
/// at once than configured (issue 11, item 5).
/// </summary>
public sealed class ReportCacheTests
{
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
}
