using System.Threading.Channels;

namespace AssistanceApi.Webhooks;

/// <summary>
/// Deliveries locked by this instance and waiting for a slot. The dispatcher hands over the deliveries it has just
/// written (locked in the same transaction), so an event reaches the worker without a poll and a second claim; the
/// worker's poll adds retries and deliveries nobody holds. <see cref="Room"/> is how many more the dispatcher should
/// lock for itself: beyond that it leaves them unlocked for any instance to claim.
/// </summary>
public sealed class DeliveryQueue(WebhookOptions options)
{
    // Not SingleReader: that channel cannot count what it holds.
    private readonly Channel<DueDelivery> _ready = Channel.CreateUnbounded<DueDelivery>();

    public int Capacity { get; } = Math.Max(WebhookDispatcher.Batch, 4 * options.Concurrency);

    public int Count => _ready.Reader.Count;

    public int Room => Math.Max(0, Capacity - Count);

    public void Add(DueDelivery delivery) => _ready.Writer.TryWrite(delivery);

    public ValueTask<DueDelivery> TakeAsync(CancellationToken ct) => _ready.Reader.ReadAsync(ct);
}
