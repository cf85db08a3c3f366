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
/// The reading and the building happen on a read connection; the single writer only checks that the cursor and the
/// active subscriptions are still those read (else the batch is read again) and writes: on SQLite every write queues
/// behind that one thread, so work done there is taken from every request.
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
        public long Version { get; init; }
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
        for (var tries = 0; tries < 3; tries++)
        {
            var batch = await ReadAsync(ct);
            if (batch is null) return 0;
            var (outcome, written) = await WriteAsync(batch, ct);
            if (outcome == Write.Held) return 0;
            if (outcome == Write.Stale) continue; // the cursor or a subscription changed since the read: read again
            var unlocked = false;
            foreach (var (row, subscription) in batch.Fanned)
            {
                if (!written.Contains(row.Id)) continue; // fanned out before a crash: that row is due on its own
                if (row.LockedUntil is not { } lockedUntil) { unlocked = true; continue; }
                queue.Add(new DueDelivery // committed: ours to send
                {
                    Id = row.Id, SubscriptionId = subscription.Id, EventId = row.EventId, Payload = row.Payload, Url = subscription.Url,
                    SecretSealed = subscription.SecretSealed, OwnerState = subscription.OwnerState, LockedUntil = lockedUntil,
                });
            }
            if (unlocked) deliveries.Due();
            return batch.Read;
        }
        return 0;
    }

    /// <summary>A batch of events read after the cursor, and the deliveries they make for the subscriptions active then.</summary>
    private sealed record EventBatch(long Cursor, long Last, int Read, string Active, List<(WebhookDeliveries.NewDelivery Row, Subscription Subscription)> Fanned, DateTimeOffset Now);

    /// <summary>The next events after the cursor, in feed order; public so a test can read its plan.</summary>
    public const string EventsSql = $"SELECT {StoredEvent.Columns} FROM events WHERE position > @cursor ORDER BY position LIMIT @batch";

    private const string CursorSql = "SELECT position FROM webhook_dispatch_cursor WHERE name = 'events'";
    private const string ActiveSql =
        "SELECT id AS Id, version AS Version, owner_state AS OwnerState, owner_role AS OwnerRole, types AS Types, created_at AS CreatedAt, url AS Url, secret_sealed AS SecretSealed FROM webhook_subscriptions WHERE disabled_at IS NULL ORDER BY id";

    private async Task<EventBatch?> ReadAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var snapshot = await database.BeginSnapshotAsync(connection, ct);
        var cursor = await connection.ExecuteScalarAsync<long?>(CursorSql, null, snapshot);
        if (cursor is null) return null;
        var events = (await connection.QueryAsync<StoredEvent>(
            EventsSql,
            new { cursor, batch = Batch }, snapshot)).ToList();
        if (events.Count == 0) return null;
        var subscriptions = (await connection.QueryAsync<Subscription>(ActiveSql, null, snapshot)).ToList();

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
        return new EventBatch(cursor.Value, events[^1].Position, events.Count, Active(subscriptions), fanned, now);
    }

    private enum Write { Written, Held, Stale }

    /// <summary>
    /// The deliveries written (their ids; one already there is left as it is), or Held (another instance holds the
    /// cursor), or Stale (the cursor moved or the active subscriptions changed since the read).
    /// </summary>
    private Task<(Write, HashSet<Guid>)> WriteAsync(EventBatch batch, CancellationToken ct)
    {
        var rows = batch.Fanned.ConvertAll(f => f.Row);
        var json = WebhookDeliveries.Rows(rows);
        return writer.RunAsync<(Write, HashSet<Guid>)>(async (connection, transaction) =>
        {
            var cursor = await connection.ExecuteScalarAsync<long?>(
                CursorSql + (database.Provider == DatabaseProvider.Postgres ? " FOR UPDATE SKIP LOCKED" : ""), null, transaction);
            if (cursor is null) return (Write.Held, []);
            if (cursor != batch.Cursor || Active((await connection.QueryAsync<Subscription>(ActiveSql, null, transaction)).ToList()) != batch.Active)
                return (Write.Stale, []);
            var written = rows.Count == 0 ? [] : await WebhookDeliveries.InsertAsync(connection, transaction, database.Dialect, json, batch.Now);
            await connection.ExecuteAsync("UPDATE webhook_dispatch_cursor SET position = @last WHERE name = 'events'",
                new { last = batch.Last }, transaction);
            return (Write.Written, written);
        }, ct);
    }

    /// <summary>What the fan-out depends on: each active subscription and its version (a rotation or a disabling moves it).</summary>
    private static string Active(List<Subscription> subscriptions) => string.Join(',', subscriptions.Select(s => $"{s.Id:N}:{s.Version}"));
}
