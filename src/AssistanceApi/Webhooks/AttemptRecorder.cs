using System.Data.Common;
using System.Threading.Channels;
using AssistanceApi.Auth;
using AssistanceApi.Domain.Events;
using AssistanceApi.Events;
using AssistanceApi.Persistence;
using Dapper;

namespace AssistanceApi.Webhooks;

/// <summary>
/// Records attempts, many to a write: the outcomes that arrive while one batch is being written go into the next.
/// A delivery's slot is free as soon as its answer is in; until its outcome is recorded the delivery stays locked,
/// so an outcome lost with the process means the attempt is made again when the lock runs out (same webhook-id).
/// After the last wait of Webhooks:RetrySchedule the delivery fails and its subscription is disabled, which a
/// webhook.disabled event in the outbox says, in the same transaction.
/// </summary>
public sealed class AttemptRecorder(Database database, Writer writer, WebhookOptions options, TimeProvider clock, ILogger<AttemptRecorder> log)
{
    public const int Batch = 500;

    public sealed record Attempt(DueDelivery Delivery, WebhookSender.Outcome Outcome);

    private readonly Channel<Attempt> _outcomes = Channel.CreateUnbounded<Attempt>(new UnboundedChannelOptions { SingleReader = true });

    public void Add(DueDelivery delivery, WebhookSender.Outcome outcome) => _outcomes.Writer.TryWrite(new Attempt(delivery, outcome));

    /// <summary>No more outcomes: <see cref="RunAsync"/> ends once it has recorded those it holds.</summary>
    public void Complete() => _outcomes.Writer.TryComplete();

    public async Task RunAsync()
    {
        var batch = new List<Attempt>(Batch);
        while (await _outcomes.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < Batch && _outcomes.Reader.TryRead(out var attempt)) batch.Add(attempt);
            try { await RecordAsync(batch); }
            catch (Exception e)
            {
                log.LogWarning(e, "Recording {Count} webhook attempts failed; their deliveries are sent again when their locks run out.", batch.Count);
            }
        }
    }

    private Task<int> RecordAsync(IReadOnlyList<Attempt> batch) => writer.RunAsync(async (connection, transaction) =>
    {
        var now = clock.Now();
        var recorded = 0;
        foreach (var (delivery, outcome) in batch)
            recorded += await RecordAsync(connection, transaction, delivery, outcome, now);
        return recorded;
    }, CancellationToken.None);

    private async Task<int> RecordAsync(DbConnection connection, DbTransaction transaction, DueDelivery delivery, WebhookSender.Outcome outcome, DateTimeOffset now)
    {
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
    }

    /// <summary>Disables the subscription and says so in the event outbox, in the transaction that records the last attempt.</summary>
    private async Task DisableAsync(DbConnection connection, DbTransaction transaction, DueDelivery delivery, int attempts, DateTimeOffset now)
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
}
