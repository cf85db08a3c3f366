namespace AssistanceApi.Features.Requests.Deadlines;

/// <summary>Announces passed deadlines every minute; on several instances each sweeps, and each occurrence is written once.</summary>
public sealed class DeadlineSweeper(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DeadlineSweeper> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
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
        return due.Count == 0 ? 0 : await mediator.Send(new AnnounceDeadlinesCommand(due), ct);
    }
}
