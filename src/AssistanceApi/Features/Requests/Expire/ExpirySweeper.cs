namespace AssistanceApi.Features.Requests.Expire;

/// <summary>Runs the expiry every few minutes. Nothing depends on it running: reads compute expiry themselves.</summary>
public sealed class ExpirySweeper(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ExpirySweeper> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(5), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var expired = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ExpirePreservationsCommand(), stoppingToken);
                if (expired > 0) log.LogInformation("{Count} preservations expired", expired);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "The expiry sweep failed; the next one retries.");
            }
        }
    }
}
