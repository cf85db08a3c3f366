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
                var cutoff = clock.Now() - IdempotencyContext.Lifetime;
                await writer.RunAsync((connection, transaction) =>
                    connection.ExecuteAsync("DELETE FROM idempotency_keys WHERE created_at < @cutoff", new { cutoff }, transaction), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Sweeping expired idempotency keys failed; the next sweep retries.");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
