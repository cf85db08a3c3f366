using System.Text.Json;
using AssistanceApi.Events;
using AssistanceApi.Persistence;
using Dapper;

namespace AssistanceApi.Webhooks;

/// <summary>
/// The fan-out: reads events by feed position after the dispatch cursor (positioned rows only, so none is skipped: see
/// ADR 0007), and for each active subscription whose owner may see the event and whose types include it writes a
/// pending delivery; the cursor moves in the same transaction, so an event is fanned out once, or again after a crash
/// (a repeated delivery is ignored by its unique key). PostgreSQL: the cursor row is locked, skipped when another
/// instance holds it. The write path never waits for this: events are read after they commit.
/// The deliveries it writes, as many as the <see cref="DeliveryQueue"/> has room for, are written locked by this
/// instance and handed to its worker once committed: no poll, no second claim between an event and its attempt.
/// </summary>
public sealed class WebhookDispatcher(
    Database database, Writer writer, WebhookOptions options, TimeProvider clock, EventSignal events, DeliverySignal deliveries,
    DeliveryQueue queue, ILogger<WebhookDispatcher> log)
    : BackgroundService
{
    public const int Batch = 500;

    private sealed class Subscription
    {
        public Guid Id { get; init; }
        public string OwnerState { get; init; } = "";
        public string OwnerRole { get; init; } = "";
        public string? Types { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public string Url { get; init; } = "";
        public string SecretSealed { get; init; } = "";
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var dispatched = 0;
            try { dispatched = await DispatchAsync(stoppingToken); }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e) { log.LogWarning(e, "Fanning events out to webhooks failed; the next poll retries."); }
            if (dispatched < Batch)
                try { await events.WaitPositionedAsync(options.Poll, stoppingToken); }
                catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Fans out the next batch of events; returns how many events it read (0 when none, or another instance holds the cursor).</summary>
    public async Task<int> DispatchAsync(CancellationToken ct)
    {
        var (read, locked, unlocked) = await FanOutAsync(ct);
        foreach (var delivery in locked) queue.Add(delivery); // committed: ours to send
        if (unlocked) deliveries.Due();
        return read;
    }

    private Task<(int Read, List<DueDelivery> Locked, bool Unlocked)> FanOutAsync(CancellationToken ct) => writer.RunAsync(async (connection, transaction) =>
    {
        var locked = new List<DueDelivery>();
        var unlocked = false;
        var cursor = await connection.ExecuteScalarAsync<long?>(
            "SELECT position FROM webhook_dispatch_cursor WHERE name = 'events'" +
            (database.Provider == DatabaseProvider.Postgres ? " FOR UPDATE SKIP LOCKED" : ""), null, transaction);
        if (cursor is null) return (0, locked, unlocked);
        var events = (await connection.QueryAsync<StoredEvent>(
            $"SELECT {StoredEvent.Columns} FROM events WHERE position > @cursor ORDER BY position LIMIT @batch",
            new { cursor, batch = Batch }, transaction)).ToList();
        if (events.Count == 0) return (0, locked, unlocked);

        var subscriptions = (await connection.QueryAsync<Subscription>(
            "SELECT id AS Id, owner_state AS OwnerState, owner_role AS OwnerRole, types AS Types, created_at AS CreatedAt, url AS Url, secret_sealed AS SecretSealed FROM webhook_subscriptions WHERE disabled_at IS NULL",
            null, transaction)).ToList();
        var now = clock.Now();
        var lockedUntil = now + options.LockFor;
        var room = queue.Room;
        var payloads = new Dictionary<Guid, string>();
        var fanned = new List<(WebhookDeliveries.NewDelivery Row, Subscription Subscription)>();
        foreach (var subscription in subscriptions)
        {
            var types = subscription.Types is null ? null : JsonSerializer.Deserialize<HashSet<string>>(subscription.Types);
            // From its creation on: a subscription made while the dispatcher lagged does not receive the events before it.
            foreach (var e in events.Where(e => e.OccurredAt >= subscription.CreatedAt && (types is null || types.Contains(e.Type))
                                                && EventAudienceRule.MaySee(subscription.OwnerState, subscription.OwnerRole, e)))
            {
                var payload = payloads.TryGetValue(e.Id, out var built) ? built : payloads[e.Id] = e.ToPayload();
                fanned.Add((new WebhookDeliveries.NewDelivery(Ids.Next(now), subscription.Id, e.Id, e.Type, e.Position, payload,
                    fanned.Count < room ? lockedUntil : null), subscription));
            }
        }
        var written = await WebhookDeliveries.EnqueueManyAsync(connection, transaction, database.Dialect, fanned.ConvertAll(f => f.Row), now);
        foreach (var (row, subscription) in fanned)
        {
            if (!written.Contains(row.Id)) continue; // fanned out before a crash: that row is due on its own
            if (row.LockedUntil is null) { unlocked = true; continue; }
            locked.Add(new DueDelivery
            {
                Id = row.Id, SubscriptionId = subscription.Id, EventId = row.EventId, Payload = row.Payload, Url = subscription.Url,
                SecretSealed = subscription.SecretSealed, OwnerState = subscription.OwnerState, LockedUntil = lockedUntil,
            });
        }
        await connection.ExecuteAsync("UPDATE webhook_dispatch_cursor SET position = @last WHERE name = 'events'",
            new { last = events[^1].Position }, transaction);
        return (events.Count, locked, unlocked);
    }, ct);
}
