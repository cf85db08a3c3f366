// A webhook receiver for the load benchmark, on loopback:
//   POST /hook    a delivery: 200 at once; records how long after the event's occurredAt it arrived, once per
//                 webhook-id (a redelivery counts as a duplicate, not as a second latency).
//   GET  /stats?fromMs=T   deliveries of events that occurred at or after T (Unix ms): count, duplicates, p50, p99, max (ms).
// The signature is not checked here: that is the API's tests' job; this measures time only.
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
var arrivals = new ConcurrentDictionary<string, (long OccurredMs, double LatencyMs)>();
var duplicates = 0L;

app.MapPost("/hook", async (HttpRequest request) =>
{
    var arrived = DateTimeOffset.UtcNow;
    using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
    var id = request.Headers["webhook-id"].ToString();
    if (body.RootElement.TryGetProperty("occurredAt", out var at) && at.TryGetDateTimeOffset(out var occurred))
    {
        if (!arrivals.TryAdd(id, (occurred.ToUnixTimeMilliseconds(), (arrived - occurred).TotalMilliseconds)))
            Interlocked.Increment(ref duplicates);
    }
    return Results.Ok();
});

app.MapGet("/stats", (long? fromMs) =>
{
    var latencies = arrivals.Values.Where(a => a.OccurredMs >= (fromMs ?? 0)).Select(a => a.LatencyMs).Order().ToArray();
    double At(double q) => latencies.Length == 0 ? 0 : latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(q * latencies.Length) - 1)];
    return Results.Text(string.Create(CultureInfo.InvariantCulture,
        $"count={latencies.Length} duplicates={Interlocked.Read(ref duplicates)} p50={At(0.50):F1} p99={At(0.99):F1} max={(latencies.Length == 0 ? 0 : latencies[^1]):F1}"));
});

app.Run();
