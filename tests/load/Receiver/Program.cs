// A webhook receiver for the load benchmark, on loopback:
//   POST /hook    a delivery: 200 at once; records how long after the event's occurredAt it arrived, once per
//                 webhook-id (a redelivery counts as a duplicate, not as a second latency).
//   GET  /stats?fromMs=T   deliveries of events that occurred at or after T (Unix ms): count, duplicates, p50, p99, max (ms).
// The signature is not checked here: that is the API's tests' job; this measures time only. It shares the machine's
// two cores with the API and wrk, so it does as little as a receiver can: no routing, no JSON parser (occurredAt is
// found in the body's bytes), so that what the benchmark measures is the API's cost of delivering, not this program's.
using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
var arrivals = new ConcurrentDictionary<string, (long OccurredMs, double LatencyMs)>();
var duplicates = 0L;
var occurredAtKey = "\"occurredAt\":\""u8.ToArray();

app.Run(async context =>
{
    var request = context.Request;
    if (request.Method == "POST" && request.Path == "/hook")
    {
        var arrived = DateTimeOffset.UtcNow;
        var body = await request.BodyReader.ReadAllAsync(context.RequestAborted);
        var at = body.AsSpan().IndexOf(occurredAtKey);
        if (at >= 0)
        {
            var value = body.AsSpan(at + occurredAtKey.Length);
            var end = value.IndexOf((byte)'"');
            if (end > 0 && DateTimeOffset.TryParse(Encoding.ASCII.GetString(value[..end]), CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal, out var occurred)
                && !arrivals.TryAdd(request.Headers["webhook-id"].ToString(), (occurred.ToUnixTimeMilliseconds(), (arrived - occurred).TotalMilliseconds)))
                Interlocked.Increment(ref duplicates);
        }
        return;
    }
    if (request.Method == "GET" && request.Path == "/stats")
    {
        var fromMs = long.TryParse(request.Query["fromMs"], out var from) ? from : 0;
        var latencies = arrivals.Values.Where(a => a.OccurredMs >= fromMs).Select(a => a.LatencyMs).Order().ToArray();
        double At(double q) => latencies.Length == 0 ? 0 : latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(q * latencies.Length) - 1)];
        await context.Response.WriteAsync(string.Create(CultureInfo.InvariantCulture,
            $"count={latencies.Length} duplicates={Interlocked.Read(ref duplicates)} p50={At(0.50):F1} p99={At(0.99):F1} max={(latencies.Length == 0 ? 0 : latencies[^1]):F1}"));
        return;
    }
    context.Response.StatusCode = 404;
});

app.Run();

internal static class BodyReading
{
    /// <summary>The whole body (a delivery is a few hundred bytes).</summary>
    public static async Task<byte[]> ReadAllAsync(this System.IO.Pipelines.PipeReader reader, CancellationToken ct)
    {
        while (true)
        {
            var result = await reader.ReadAsync(ct);
            if (result.IsCompleted)
            {
                var bytes = result.Buffer.ToArray();
                reader.AdvanceTo(result.Buffer.End);
                return bytes;
            }
            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }
}
