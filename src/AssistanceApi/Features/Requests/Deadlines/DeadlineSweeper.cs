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
                await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new AnnounceDeadlinesCommand(), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "The deadline sweep failed; the next one retries.");
            }
        }
    }
}
