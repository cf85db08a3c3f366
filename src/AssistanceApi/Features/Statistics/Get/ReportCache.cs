namespace AssistanceApi.Features.Statistics.Get;

/// <summary>
/// Statistics reports, computed at most Statistics:ConcurrentComputations at a time and kept for
/// Statistics:CacheSeconds, at most Statistics:CacheEntries of them (the least recently asked for goes first).
/// Callers asking for a report being computed share that computation; it runs under a token of its own, cancelled
/// when the last of them has gone (the client hung up), so nobody pays for an aggregation nobody waits for. Once a
/// report is past its age it is still served while a single refresh runs in the background, under the server's
/// token. A client varying from= and to= therefore holds at most the computation gate, never the server.
/// </summary>
public sealed class ReportCache(TimeProvider clock, IConfiguration config, IHostApplicationLifetime lifetime)
{
    private readonly int _capacity = Math.Max(1, config.GetValue("Statistics:CacheEntries", 256));
    private readonly SemaphoreSlim _gate = new(Math.Max(1, config.GetValue("Statistics:ConcurrentComputations", 2)));
    private readonly Dictionary<object, LinkedListNode<Slot>> _slots = [];
    private readonly LinkedList<Slot> _byUse = []; // most recently asked for first

    public int Count
    {
        get { lock (_slots) return _slots.Count; }
    }

    /// <summary>One computation through the gate, for the caller alone (no caching).</summary>
    public async Task<StatisticsReport> ComputeAsync(Func<CancellationToken, Task<StatisticsReport>> compute, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            // WaitAsync takes a free gate even for a token already cancelled.
            ct.ThrowIfCancellationRequested();
            return await compute(ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<StatisticsReport> GetAsync(object key, TimeSpan maxAge, Func<CancellationToken, Task<StatisticsReport>> compute, CancellationToken ct)
    {
        Computation pending;
        lock (_slots)
        {
            var slot = Use(key);
            if (slot.Report is { } kept)
            {
                if (slot.Refresh is null && clock.GetUtcNow() - slot.ComputedAt >= maxAge) slot.Refresh = RefreshAsync(slot, compute);
                return kept;
            }
            pending = slot.Pending ??= Start(slot, compute);
            pending.Waiters++;
        }
        try
        {
            return await pending.Task.WaitAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            bool abandoned;
            lock (_slots)
            {
                abandoned = --pending.Waiters == 0 && !pending.Task.IsCompleted;
                // The next caller starts afresh rather than joining a computation about to stop.
                if (abandoned && pending.Slot.Pending == pending) pending.Slot.Pending = null;
            }
            if (abandoned) pending.Cancel();
            throw;
        }
    }

    /// <summary>The slot of the key, moved to the front; the least recently used beyond the capacity is dropped.</summary>
    private Slot Use(object key)
    {
        if (_slots.TryGetValue(key, out var node)) _byUse.Remove(node);
        else
        {
            node = new LinkedListNode<Slot>(new Slot());
            _slots[key] = node;
            node.Value.Key = key;
        }
        _byUse.AddFirst(node);
        while (_slots.Count > _capacity)
        {
            var last = _byUse.Last!;
            _byUse.RemoveLast();
            _slots.Remove(last.Value.Key);
        }
        return node.Value;
    }

    private Computation Start(Slot slot, Func<CancellationToken, Task<StatisticsReport>> compute)
    {
        var computation = new Computation(slot);
        var started = clock.GetUtcNow();
        computation.Task = RunAsync(computation, compute, started);
        return computation;
    }

    private async Task<StatisticsReport> RunAsync(Computation computation, Func<CancellationToken, Task<StatisticsReport>> compute, DateTimeOffset started)
    {
        await Task.Yield(); // the caller registers as a waiter before anything can cancel
        try
        {
            var report = await ComputeAsync(compute, computation.Token);
            lock (_slots)
            {
                computation.Slot.Report = report;
                computation.Slot.ComputedAt = started;
            }
            return report;
        }
        finally
        {
            lock (_slots)
            {
                if (computation.Slot.Pending == computation) computation.Slot.Pending = null;
            }
        }
    }

    private async Task RefreshAsync(Slot slot, Func<CancellationToken, Task<StatisticsReport>> compute)
    {
        await Task.Yield(); // the caller that noticed the age gets the kept report now, not after the refresh
        var started = clock.GetUtcNow();
        try
        {
            var report = await ComputeAsync(compute, lifetime.ApplicationStopping);
            lock (_slots)
            {
                slot.Report = report;
                slot.ComputedAt = started;
            }
        }
        catch (Exception)
        {
            // The kept report stays; the next caller past the age tries again.
        }
        finally
        {
            lock (_slots) slot.Refresh = null;
        }
    }

    private sealed class Slot
    {
        public object Key { get; set; } = null!;
        public StatisticsReport? Report { get; set; }
        public DateTimeOffset ComputedAt { get; set; }
        public Computation? Pending { get; set; }
        public Task? Refresh { get; set; }
    }

    private sealed class Computation(Slot slot)
    {
        private readonly CancellationTokenSource _cancel = new();

        public Slot Slot { get; } = slot;
        public Task<StatisticsReport> Task { get; set; } = null!;
        public int Waiters { get; set; }
        public CancellationToken Token => _cancel.Token;

        public void Cancel() => _cancel.Cancel();
    }
}
