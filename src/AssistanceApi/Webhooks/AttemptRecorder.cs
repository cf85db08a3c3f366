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

    /// <summary>A recorded attempt: the delivery's new status, and when it is tried next if it is still pending.</summary>
    private sealed record Recorded(DueDelivery Delivery, WebhookSender.Outcome Outcome, int Attempt, string Status, DateTimeOffset? Next);

    /// <summary>
    /// The whole batch in at most two statements (one statement a row cost the single writer more than the rows did):
    /// the deliveries' previous attempts move to webhook_attempts, then each delivery row takes its new attempt as its
    /// last, so a delivery delivered at the first try is one UPDATE. A delivery is recorded only while its attempt count
    /// is the one it was claimed with: otherwise another instance recorded this attempt after our lock ran out, and ours
    /// is dropped.
    /// </summary>
    private Task<int> RecordAsync(IReadOnlyList<Attempt> batch)
    {
        // Built before the write: on SQLite every write queues behind one thread, so work done there is taken from every request.
        var now = clock.Now();
        var rows = batch.DistinctBy(a => a.Delivery.Id).Select(a =>
        {
            var attempt = a.Delivery.AttemptCount + 1;
            var wait = NextWait(attempt);
            var status = a.Outcome.Delivered ? WebhookDeliveries.Delivered : wait is null ? WebhookDeliveries.Failed : WebhookDeliveries.Pending;
            return new Recorded(a.Delivery, a.Outcome, attempt, status, status == WebhookDeliveries.Pending ? now + wait : null);
        }).ToList();
        var json = JsonRowsParameter.Of(rows, static (w, r) =>
        {
            w.WriteString("delivery", r.Delivery.Id);
            w.WriteNumber("claimed", r.Delivery.AttemptCount);
            w.WriteString("status", r.Status);
            w.WriteTimestamp("next_attempt_at", r.Next);
            if (r.Outcome.StatusCode is { } code) w.WriteNumber("code", code);
            else w.WriteNull("code");
            w.WriteNumber("ms", r.Outcome.DurationMs);
            if (r.Outcome.Error is { } error) w.WriteString("error", error);
            else w.WriteNull("error");
        });
        var retried = rows.Exists(r => r.Delivery.AttemptCount > 0);
        return writer.RunAsync(async (connection, transaction) =>
        {
            if (retried) await connection.ExecuteAsync(ArchiveSql, new { rows = json }, transaction);
            var updated = (await connection.QueryAsync<Guid>(UpdateSql, new { rows = json, now }, transaction)).ToHashSet();
            var recorded = 0;
            foreach (var r in rows)
            {
                if (!updated.Contains(r.Delivery.Id)) continue;
                if (r.Status == WebhookDeliveries.Failed) await DisableAsync(connection, transaction, r.Delivery, r.Attempt, now);
                Telemetry.WebhookMetrics.AttemptRecorded(r.Status, r.Delivery.EventId, now);
                recorded++;
            }
            return recorded;
        }, CancellationToken.None);
    }

    private string Rows => database.Dialect.JsonRows("rows", "j", ("delivery", "uuid"), ("claimed", "integer"), ("status", "text"),
        ("next_attempt_at", "timestamptz"), ("code", "integer"), ("ms", "integer"), ("error", "text"));

    private string UpdateSql => _updateSql ??=
        $"""
         UPDATE webhook_deliveries AS d SET attempt_count = d.attempt_count + 1, status = j.status, next_attempt_at = j.next_attempt_at,
             locked_until = NULL, last_attempt_at = @now, last_status_code = j.code, last_duration_ms = j.ms, last_error = j.error,
             delivered_at = CASE WHEN j.status = '{WebhookDeliveries.Delivered}' THEN @now ELSE d.delivered_at END
         FROM {Rows}
         WHERE d.id = j.delivery AND d.attempt_count = j.claimed
         RETURNING id
         """;

    /// <summary>
    /// The attempt a delivery row holds as its last, kept in webhook_attempts before the next one replaces it. Two
    /// PostgreSQL instances recording the same attempt (a retry by hand let a second one claim it) both read the row
    /// unlocked here: the second's insert waits for the first and then does nothing, and its UPDATE, finding the
    /// count moved, records nothing, as before (a conflict would have failed its whole batch).
    /// </summary>
    private string ArchiveSql => _archiveSql ??=
        $"""
         INSERT INTO webhook_attempts (delivery_id, attempt, at, status_code, duration_ms, error)
         SELECT d.id, d.attempt_count, d.last_attempt_at, d.last_status_code, d.last_duration_ms, d.last_error
         FROM webhook_deliveries d JOIN {Rows} ON d.id = j.delivery
         WHERE d.attempt_count = j.claimed AND d.attempt_count > 0 AND d.last_attempt_at IS NOT NULL
         ON CONFLICT (delivery_id, attempt) DO NOTHING
         """;

    private string? _updateSql, _archiveSql;

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
