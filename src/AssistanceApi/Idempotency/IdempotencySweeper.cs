using AssistanceApi.Persistence;

namespace AssistanceApi.Idempotency;

/// <summary>Deletes keys past their 24 hours. Expiry itself does not depend on it: lookups ignore old keys.</summary>
public sealed class IdempotencySweeper(Writer writer, TimeProvider clock, ILogger<IdempotencySweeper> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Sweeping expired idempotency keys failed; the next sweep retries.");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>
    /// The first sweep after downtime goes in chunks: <see cref="Writer.DeleteInChunksAsync"/>. The age is checked again
    /// on the row deleted: on PostgreSQL a key claimed afresh while the sweep waits for its row lock is re-read under
    /// the outer condition only, and would otherwise be deleted with its new request's response.
    /// </summary>
    public Task<int> SweepAsync(CancellationToken ct) =>
        writer.DeleteInChunksAsync(
            """
            DELETE FROM idempotency_keys WHERE created_at < @cutoff AND (client_id, idempotency_key) IN (
                SELECT client_id, idempotency_key FROM idempotency_keys WHERE created_at < @cutoff LIMIT @chunk)
            """,
            new { cutoff = clock.Now() - IdempotencyContext.Lifetime }, ct);
}
