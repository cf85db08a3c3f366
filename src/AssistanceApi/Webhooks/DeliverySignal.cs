namespace AssistanceApi.Webhooks;

/// <summary>Wakes the delivery worker as soon as the dispatcher has written deliveries, rather than at its next poll.</summary>
public sealed class DeliverySignal
{
    private readonly SemaphoreSlim _due = new(0, 1);

    public void Due()
    {
        if (_due.CurrentCount == 0)
            try { _due.Release(); }
            catch (SemaphoreFullException) { /* already signalled */ }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _due.WaitAsync(timeout, ct);
}
