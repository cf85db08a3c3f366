using AssistanceApi.Persistence;
using Dapper;

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

    /// <summary>
    /// Events deleted at most <see cref="Chunk"/> to a unit of work: a backlog (after downtime) neither holds the one
    /// SQLite writer for long nor holds every page it changes in memory at once (ADR 0003).
    /// </summary>
    public const int Chunk = 1000;

    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow().AddDays(-options.RetentionDays);
        var deleted = 0;
        int last;
        do
        {
            last = await writer.RunAsync((connection, transaction) => connection.ExecuteAsync(
                """
                DELETE FROM events WHERE position IN (
                    SELECT position FROM events
                    WHERE occurred_at < @cutoff AND position IS NOT NULL AND position < (SELECT MAX(position) FROM events)
                    ORDER BY position LIMIT @chunk)
                """,
                new { cutoff, chunk = Chunk }, transaction), ct);
            deleted += last;
        } while (last == Chunk);
        return deleted;
    }
}
