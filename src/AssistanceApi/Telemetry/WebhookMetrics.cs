using System.Buffers.Binary;
using System.Diagnostics.Metrics;

namespace AssistanceApi.Telemetry;

/// <summary>
/// The webhook delivery worker's measurements in one call, so the worker carries one line of telemetry. The lag needs
/// no column: an event's id is a UUIDv7 made from its occurredAt (milliseconds in its first 48 bits).
/// </summary>
public static class WebhookMetrics
{
    /// <summary>One attempt recorded with the delivery's new status: delivered, pending (to be retried) or failed (no try left).</summary>
    public static void AttemptRecorded(string outcome, Guid eventId, DateTimeOffset now)
    {
        AssistanceMetrics.Attempts.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        if (outcome == "delivered" && AssistanceMetrics.Lag.Enabled)
            AssistanceMetrics.Lag.Record(Math.Max(0, (now - OccurredAt(eventId)).TotalSeconds));
    }

    public static DateTimeOffset OccurredAt(Guid uuidV7)
    {
        Span<byte> bytes = stackalloc byte[16];
        uuidV7.TryWriteBytes(bytes, bigEndian: true, out _);
        return DateTimeOffset.FromUnixTimeMilliseconds((long)(BinaryPrimitives.ReadUInt64BigEndian(bytes) >> 16));
    }
}
