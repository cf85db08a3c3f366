using System.Collections.Concurrent;
using AssistanceApi.Persistence;
using Dapper;

namespace AssistanceApi.Webhooks;

/// <summary>
/// Sends the deliveries this instance holds, Webhooks:Concurrency at a time (a receiver that hangs holds one slot for
/// the timeout, never a request). They come from the <see cref="DeliveryQueue"/>: handed over by the dispatcher as it
/// writes them, or claimed here by a poll (retries falling due, deliveries nobody holds). A claim is a short
/// transaction (PostgreSQL: FOR UPDATE SKIP LOCKED, so each attempt is made by one instance) that sets locked_until;
/// an attempt starts only while it can end inside its lock, the HTTP call runs outside any transaction, and its
/// outcome goes to the <see cref="AttemptRecorder"/>. If the instance dies between sending and recording, the lock runs
/// out and the delivery is sent again with the same webhook-id: at least once, never lost.
/// </summary>
public sealed class DeliveryWorker(
    Database database, Writer writer, WebhookOptions options, WebhookSecrets secrets, WebhookSender sender, TimeProvider clock,
    DeliverySignal due, DeliveryQueue queue, AttemptRecorder recorder, ILogger<DeliveryWorker> log) : BackgroundService
{
    private readonly SemaphoreSlim _slots = new(options.Concurrency, options.Concurrency);
    private readonly ConcurrentDictionary<(Guid, string), string> _openSecrets = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var recording = recorder.RunAsync();
        var polling = PollAsync(stoppingToken);
        try { await SendAsync(stoppingToken); }
        catch (OperationCanceledException) { }
        await polling;
        // Every slot back: no attempt is in flight, so every outcome is with the recorder.
        for (var i = 0; i < options.Concurrency; i++) await _slots.WaitAsync(CancellationToken.None);
        recorder.Complete();
        await recording;
    }

    private async Task SendAsync(CancellationToken stopping)
    {
        while (true)
        {
            var delivery = await queue.TakeAsync(stopping);
            if (queue.Count == 0) due.Due(); // the poll may find more to claim
            await _slots.WaitAsync(stopping);
            if (clock.Now() + options.Timeout > delivery.LockedUntil)
            {
                // Waited too long for a slot: the lock could run out mid-attempt. A poll claims it again once it has.
                _slots.Release();
                continue;
            }
            _ = Task.Run(() => AttemptAsync(delivery, stopping), CancellationToken.None);
        }
    }

    /// <summary>Claims what is due when the queue runs low: woken by the dispatcher and the sender, or every poll.</summary>
    private async Task PollAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            var full = false;
            try
            {
                var room = queue.Room;
                if (queue.Count < options.Concurrency && await AnyDueAsync(stopping))
                {
                    var claimed = await ClaimAsync(room, stopping);
                    foreach (var delivery in claimed) queue.Add(delivery);
                    full = claimed.Count == room;
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                log.LogWarning(e, "Looking for due webhook deliveries failed; the next poll retries.");
            }
            if (full) continue;
            try { await due.WaitAsync(options.Poll, stopping); }
            catch (OperationCanceledException) { return; }
        }
    }

    private const string Due =
        """
        FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id
        WHERE d.status = 'pending' AND d.next_attempt_at <= @now AND (d.locked_until IS NULL OR d.locked_until <= @now) AND s.disabled_at IS NULL
        """;

    /// <summary>The due deliveries a claim takes, oldest due first (public for the query-plan tests).</summary>
    public static string ClaimSql(DatabaseProvider provider) =>
        $"""
         SELECT d.id AS Id, d.subscription_id AS SubscriptionId, d.event_id AS EventId, d.payload AS Payload,
                d.attempt_count AS AttemptCount, s.url AS Url, s.secret_sealed AS SecretSealed, s.owner_state AS OwnerState,
                CASE WHEN s.previous_secret_until > @now THEN s.previous_secret_sealed END AS PreviousSecretSealed
         {Due} ORDER BY d.next_attempt_at LIMIT @take {(provider == DatabaseProvider.Postgres ? "FOR UPDATE OF d SKIP LOCKED" : "")}
         """;

    private async Task<bool> AnyDueAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<int?>($"SELECT 1 {Due} LIMIT 1", new { now = clock.Now() }) is not null;
    }

    private Task<List<DueDelivery>> ClaimAsync(int take, CancellationToken ct) => writer.RunAsync(async (connection, transaction) =>
    {
        var now = clock.Now();
        var until = now + options.LockFor;
        var claimed = (await connection.QueryAsync<DueDelivery>(ClaimSql(database.Provider), new { now, take }, transaction))
            .Select(d => d with { LockedUntil = until }).ToList();
        // One statement per row: Dapper's list expansion would bind the ids past the Guid type handler (as SQLite blobs).
        foreach (var delivery in claimed)
            await connection.ExecuteAsync("UPDATE webhook_deliveries SET locked_until = @until WHERE id = @Id", new { until, delivery.Id }, transaction);
        return claimed;
    }, ct);

    private async Task AttemptAsync(DueDelivery delivery, CancellationToken stopping)
    {
        try
        {
            IReadOnlyList<string> secrets;
            try { secrets = Open(delivery); }
            catch (System.Security.Cryptography.CryptographicException e)
            {
                recorder.Add(delivery, new WebhookSender.Outcome(false, null, 0, e.Message));
                return;
            }
            recorder.Add(delivery, await sender.SendAsync(delivery.Url, secrets, delivery.EventId, delivery.Payload, stopping));
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down mid-attempt: the lock runs out and another poll sends it again, with the same webhook-id.
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Webhook delivery {Delivery} failed unexpectedly; it is sent again when its lock runs out.", delivery.Id);
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>Opened once per sealed secret: a rotation seals a new one, so a stale entry is never used again.</summary>
    private IReadOnlyList<string> Open(DueDelivery delivery) =>
        new[] { delivery.SecretSealed, delivery.PreviousSecretSealed }.OfType<string>().Select(sealedSecret => Open(delivery.SubscriptionId, sealedSecret)).ToList();

    private string Open(Guid subscriptionId, string sealedSecret)
    {
        if (_openSecrets.Count > 10_000) _openSecrets.Clear();
        return _openSecrets.GetOrAdd((subscriptionId, sealedSecret), key => secrets.Open(key.Item1, key.Item2));
    }

    public override void Dispose()
    {
        _slots.Dispose();
        base.Dispose();
    }
}
