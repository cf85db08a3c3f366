using AssistanceApi.Persistence;

namespace AssistanceApi.Events;

/// <summary>
/// Deletes events older than the retention, hourly. The newest positioned event is always kept: the next position is
/// counted from it, so a quiet feed never numbers from 1 again and an old cursor can still be told apart (410).
/// </summary>
public sealed class EventRetention(Writer writer, TimeProvider clock, EventOptions options, ILogger<EventRetention> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // One wait at a time, not a periodic timer: when the clock jumps (a test's fake clock), the sweep runs once,
        // not once for every hour jumped over.
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromHours(1), clock, stoppingToken);
            try
            {
                var deleted = await SweepAsync(stoppingToken);
                if (deleted > 0) log.LogInformation("{Count} events passed their retention and were deleted", deleted);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "The event retention sweep failed; the next one retries.");
            }
        }
    }

    /// <summary>A backlog (after downtime) goes in chunks: <see cref="Writer.DeleteInChunksAsync"/>.</summary>
    public Task<int> SweepAsync(CancellationToken ct) =>
        writer.DeleteInChunksAsync(
            """
            DELETE FROM events WHERE position IN (
                SELECT position FROM events
                WHERE occurred_at < @cutoff AND position IS NOT NULL AND position < (SELECT MAX(position) FROM events)
                ORDER BY position LIMIT @chunk)
            """,
            new { cutoff = clock.GetUtcNow().AddDays(-options.RetentionDays) }, ct);
}
