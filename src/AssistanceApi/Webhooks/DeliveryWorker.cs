using System.Data.Common;
using AssistanceApi.Auth;
using AssistanceApi.Domain.Events;
using AssistanceApi.Events;
using AssistanceApi.Persistence;
using Dapper;

namespace AssistanceApi.Webhooks;

/// <summary>
/// Sends due deliveries, a few at a time (a receiver that hangs holds one slot for the timeout, never a request).
/// A delivery is claimed in a short transaction (PostgreSQL: FOR UPDATE SKIP LOCKED, so each attempt is made by one
/// instance) that sets locked_until; the HTTP call runs outside any transaction; the attempt is recorded in another.
/// If the instance dies between sending and recording, the lock runs out and the delivery is sent again with the same
/// webhook-id: at least once, never lost. After the last wait of Webhooks:RetrySchedule the delivery fails and its
/// subscription is disabled, which a webhook.disabled event in the outbox says, in the same transaction.
/// </summary>
public sealed class DeliveryWorker(
    Database database, Writer writer, WebhookOptions options, WebhookSecrets secrets, WebhookSender sender, TimeProvider clock,
    DeliverySignal due, ILogger<DeliveryWorker> log) : BackgroundService
{
    private readonly SemaphoreSlim _slots = new(options.Concurrency, options.Concurrency);

    private sealed class Claimed
    {
        public Guid Id { get; init; }
        public Guid SubscriptionId { get; init; }
        public Guid EventId { get; init; }
        public string Payload { get; init; } = "";
        public int AttemptCount { get; init; }
        public string Url { get; init; } = "";
        public string SecretSealed { get; init; } = "";
        public string OwnerState { get; init; } = "";
    }

    private TimeSpan LockFor => options.Timeout + TimeSpan.FromSeconds(20);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var running = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimedAll = false;
            try
            {
                running.RemoveAll(t => t.IsCompleted);
                var free = _slots.CurrentCount;
                if (free == 0)
                {
                    // Every slot busy: go on as soon as one frees, not after a whole poll.
                    Task slotFreed = running.Count == 0 ? Task.Delay(options.Poll, stoppingToken) : Task.WhenAny(running);
                    await slotFreed.WaitAsync(options.Poll, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    continue;
                }
                if (await AnyDueAsync(stoppingToken))
                {
                    var claimed = await ClaimAsync(free, stoppingToken);
                    claimedAll = claimed.Count == free;
                    foreach (var delivery in claimed)
                    {
                        await _slots.WaitAsync(stoppingToken);
                        running.Add(Task.Run(() => AttemptAsync(delivery, stoppingToken), CancellationToken.None));
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Looking for due webhook deliveries failed; the next poll retries.");
            }
            if (!claimedAll) await Delay(stoppingToken);
        }
        await Task.WhenAll(running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>Until the dispatcher writes deliveries, or a poll passes (retries falling due, other instances' deliveries).</summary>
    private async Task Delay(CancellationToken ct)
    {
        try { await due.WaitAsync(options.Poll, ct); }
        catch (OperationCanceledException) { }
    }

    private const string Due =
        """
        FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id
        WHERE d.status = 'pending' AND d.next_attempt_at <= @now AND (d.locked_until IS NULL OR d.locked_until <= @now) AND s.disabled_at IS NULL
        """;

    private async Task<bool> AnyDueAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<int?>($"SELECT 1 {Due} LIMIT 1", new { now = clock.Now() }) is not null;
    }

    private Task<List<Claimed>> ClaimAsync(int take, CancellationToken ct) => writer.RunAsync(async (connection, transaction) =>
    {
        var now = clock.Now();
        var skipLocked = database.Provider == DatabaseProvider.Postgres ? "FOR UPDATE OF d SKIP LOCKED" : "";
        var claimed = (await connection.QueryAsync<Claimed>(
            $"""
             SELECT d.id AS Id, d.subscription_id AS SubscriptionId, d.event_id AS EventId, d.payload AS Payload,
                    d.attempt_count AS AttemptCount, s.url AS Url, s.secret_sealed AS SecretSealed, s.owner_state AS OwnerState
             {Due} ORDER BY d.next_attempt_at LIMIT @take {skipLocked}
             """, new { now, take }, transaction)).ToList();
        foreach (var delivery in claimed)
            await connection.ExecuteAsync("UPDATE webhook_deliveries SET locked_until = @until WHERE id = @Id",
                new { until = now + LockFor, delivery.Id }, transaction);
        return claimed;
    }, ct);

    private async Task AttemptAsync(Claimed delivery, CancellationToken stopping)
    {
        try
        {
            string secret;
            try { secret = secrets.Open(delivery.SubscriptionId, delivery.SecretSealed); }
            catch (System.Security.Cryptography.CryptographicException e)
            {
                await RecordAsync(delivery, new WebhookSender.Outcome(false, null, 0, e.Message), stopping);
                return;
            }
            var outcome = await sender.SendAsync(delivery.Url, secret, delivery.EventId, delivery.Payload, stopping);
            await RecordAsync(delivery, outcome, CancellationToken.None);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down mid-attempt: the lock runs out and another poll sends it again, with the same webhook-id.
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Recording webhook delivery {Delivery} failed; it is retried when its lock runs out.", delivery.Id);
        }
        finally
        {
            _slots.Release();
        }
    }

    private Task RecordAsync(Claimed delivery, WebhookSender.Outcome outcome, CancellationToken ct) => writer.RunAsync(async (connection, transaction) =>
    {
        var now = clock.Now();
        var attempt = delivery.AttemptCount + 1;
        var wait = NextWait(attempt);
        var status = outcome.Delivered ? WebhookDeliveries.Delivered : wait is null ? WebhookDeliveries.Failed : WebhookDeliveries.Pending;
        var args = new
        {
            delivery.Id, claimedCount = delivery.AttemptCount, status, now,
            next = status == WebhookDeliveries.Pending ? now + wait : (DateTimeOffset?)null,
            code = outcome.StatusCode, ms = outcome.DurationMs, error = outcome.Error,
        };
        var recorded = await connection.ExecuteAsync(
            $"""
             UPDATE webhook_deliveries SET attempt_count = attempt_count + 1, status = @status, next_attempt_at = @next, locked_until = NULL,
                 last_status_code = @code, last_duration_ms = @ms, last_error = @error{(outcome.Delivered ? ", delivered_at = @now" : "")}
             WHERE id = @Id AND attempt_count = @claimedCount
             """, args, transaction);
        if (recorded == 0) return 0; // another instance recorded this attempt after our lock ran out
        await connection.ExecuteAsync(
            "INSERT INTO webhook_attempts (delivery_id, attempt, at, status_code, duration_ms, error) VALUES (@Id, @attempt, @now, @code, @ms, @error)",
            new { delivery.Id, attempt, now, args.code, args.ms, args.error }, transaction);
        if (status == WebhookDeliveries.Failed) await DisableAsync(connection, transaction, delivery, attempt, now);
        Telemetry.WebhookMetrics.AttemptRecorded(status, delivery.EventId, now);
        return recorded;
    }, ct);

    /// <summary>Disables the subscription and says so in the event outbox, in the transaction that records the last attempt.</summary>
    private async Task DisableAsync(DbConnection connection, DbTransaction transaction, Claimed delivery, int attempts, DateTimeOffset now)
    {
        var disabled = await connection.ExecuteAsync(
            """
            UPDATE webhook_subscriptions SET disabled_at = @now, disabled_reason = @reason, version = version + 1
            WHERE id = @SubscriptionId AND disabled_at IS NULL
            """,
            new { delivery.SubscriptionId, now, reason = $"delivery {delivery.Id} failed {attempts} attempts" }, transaction);
        if (disabled == 0) return;
        await EventOutbox.InsertAsync(connection, transaction, database.Dialect, new OutboxEvent(EventTypes.WebhookDisabled, now)
        {
            AudienceState = delivery.OwnerState,
            ActorRole = Caller.System.Role,
            Data = new { webhookId = delivery.SubscriptionId, deliveryId = delivery.Id, attempts },
        });
    }

    /// <summary>The wait after failed attempt <paramref name="attempt"/> (1-based), ±20 % so receivers coming back are not hit all at once; null after the last.</summary>
    private TimeSpan? NextWait(int attempt) =>
        attempt <= options.RetrySchedule.Count ? options.RetrySchedule[attempt - 1] * (0.8 + 0.4 * Random.Shared.NextDouble()) : null;

    public override void Dispose()
    {
        _slots.Dispose();
        base.Dispose();
    }
}
