using AssistanceApi.Domain.Events;
using AssistanceApi.Telemetry;

namespace AssistanceApi.Features.Requests.Deadlines;

/// <summary>Announces passed deadlines every minute; on several instances each sweeps, and each occurrence is written once.</summary>
public sealed class DeadlineSweeper(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DeadlineSweeper> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // One wait at a time, not a periodic timer: when the clock jumps (a test's fake clock), the sweep runs once,
        // not once for every minute jumped over.
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromMinutes(1), clock, stoppingToken);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await SweepOnceAsync(scope.ServiceProvider.GetRequiredService<IMediator>(), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "The deadline sweep failed; the next one retries.");
            }
        }
    }

    /// <summary>One sweep: what is due is read first, and only when there is something the writer is asked to write it.</summary>
    public static async Task<int> SweepOnceAsync(IMediator mediator, CancellationToken ct)
    {
        var due = await mediator.Send(new FindDueDeadlinesQuery(), ct);
        if (due.Count == 0) return 0;
        var announced = await mediator.Send(new AnnounceDeadlinesCommand(due), ct);
        // Counted once committed; each occurrence is found once (what is announced is not found again).
        foreach (var breach in due.Where(e => e.Type == EventTypes.AcknowledgementOverdue)) AssistanceMetrics.AcknowledgementBreach(breach.Kind);
        return announced;
    }
}
