using AssistanceApi.Persistence;
using Dapper;

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
    /// Keys deleted at most <see cref="Chunk"/> to a unit of work: the first sweep after downtime neither holds the one
    /// SQLite writer for long nor holds every page it changes in memory at once (ADR 0003).
    /// </summary>
    public const int Chunk = 1000;

    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var cutoff = clock.Now() - IdempotencyContext.Lifetime;
        var deleted = 0;
        int last;
        do
        {
            last = await writer.RunAsync((connection, transaction) => connection.ExecuteAsync(
                """
                DELETE FROM idempotency_keys WHERE (client_id, idempotency_key) IN (
                    SELECT client_id, idempotency_key FROM idempotency_keys WHERE created_at < @cutoff LIMIT @chunk)
                """,
                new { cutoff, chunk = Chunk }, transaction), ct);
            deleted += last;
        } while (last == Chunk);
        return deleted;
    }
}
