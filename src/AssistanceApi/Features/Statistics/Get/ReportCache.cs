using Microsoft.Extensions.Caching.Memory;

namespace AssistanceApi.Features.Statistics.Get;

/// <summary>
/// Reports kept for Statistics:CacheSeconds. One computation runs per report at a time: callers arriving while the
/// first one is computed share it, and once a report is past its age it is still served while a single refresh
/// runs in the background. Many dashboards polling at once then never multiply the aggregation, and none of them
/// waits for it after the first. A report is at most CacheSeconds plus one computation old.
/// </summary>
public sealed class ReportCache(IMemoryCache memory, TimeProvider clock)
{
    // A report nobody asked for in this long is dropped (any from/to pair makes a key).
    private static readonly TimeSpan Unused = TimeSpan.FromMinutes(10);

    public async Task<StatisticsReport> GetAsync(object key, TimeSpan maxAge, Func<Task<StatisticsReport>> compute)
    {
        var slot = memory.GetOrCreate((nameof(ReportCache), key), entry =>
        {
            entry.SlidingExpiration = Unused;
            return new Slot();
        })!;
        Task<StatisticsReport> current;
        lock (slot)
        {
            if (slot.Current is null || slot.Current.IsFaulted || slot.Current.IsCanceled)
            {
                slot.Current = compute();
                slot.ComputedAt = clock.GetUtcNow();
            }
            else if (slot.Current.IsCompletedSuccessfully && slot.Refresh is null && clock.GetUtcNow() - slot.ComputedAt >= maxAge)
                slot.Refresh = RefreshAsync(slot, compute);
            current = slot.Current;
        }
        return await current;
    }

    private async Task RefreshAsync(Slot slot, Func<Task<StatisticsReport>> compute)
    {
        await Task.Yield(); // the caller that noticed the age gets the kept report now, not after the refresh
        var started = clock.GetUtcNow();
        try
        {
            var report = await compute();
            lock (slot)
            {
                slot.Current = Task.FromResult(report);
                slot.ComputedAt = started;
            }
        }
        catch (Exception)
        {
            // The kept report stays; the next caller past the age tries again.
        }
        finally
        {
            lock (slot) slot.Refresh = null;
        }
    }

    private sealed class Slot
    {
        public Task<StatisticsReport>? Current { get; set; }
        public DateTimeOffset ComputedAt { get; set; }
        public Task? Refresh { get; set; }
    }
}
