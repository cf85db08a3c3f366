using AssistanceApi.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace AssistanceApi.Tests.Telemetry;

/// <summary>
/// Everything the host logs, at every level, through a walk-through with webhooks: no API key, no webhook secret and no
/// request content in any line, and every line written during an authenticated call carries its trace id and client.
/// </summary>
public sealed class LogContentTests
{
    [Fact]
    public async Task A_walk_through_logs_no_key_no_webhook_secret_and_no_request_content()
    {
        var (logs, walk) = await WalkAsync();
        var text = logs.AllText;

        // The capture saw the traffic (so the absences below mean something) ...
        Assert.Contains("/api/v1/requests", text);
        Assert.Contains("/api/v1/webhooks", text);
        // ... and none of what must never be logged.
        string[] keys = [DemoKeys.Fra, DemoKeys.Deu, DemoKeys.Bra, walk.WrongKey];
        foreach (var key in keys) Assert.False(text.Contains(key, StringComparison.Ordinal), $"a key is in the logs: {key}");
        Assert.StartsWith("whsec_", walk.WebhookSecret);
        Assert.DoesNotContain(walk.WebhookSecret["whsec_".Length..], text);
        Assert.DoesNotContain(TelemetryWalk.FactsMarker, text);
    }

    [Fact]
    public async Task Every_line_of_an_authenticated_call_carries_its_trace_id_and_client_id()
    {
        var (logs, _) = await WalkAsync();

        // The lines written inside a call once the caller is known: they carry the client's scope.
        var inCalls = logs.Entries.Where(e => e.Text.Contains("scope: TraceId:", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(inCalls);
        Assert.All(inCalls, e => Assert.Matches(@"scope: TraceId:[0-9a-f]{32} ClientId:([0-9a-f-]{36}|anonymous)", e.Text));
        Assert.Contains(inCalls, e => System.Text.RegularExpressions.Regex.IsMatch(e.Text, "ClientId:[0-9a-f-]{36}"));
        // The endpoint's own lines (routing, FastEndpoints, the handlers) all run after authentication.
        var endpointLines = logs.Entries.Where(e => e.Category.StartsWith("Microsoft.AspNetCore.Routing.EndpointMiddleware", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(endpointLines);
        Assert.All(endpointLines, e => Assert.Contains("ClientId:", e.Text));
    }

    private static async Task<(CapturingLoggerProvider Logs, TelemetryWalk Walk)> WalkAsync()
    {
        var logs = new CapturingLoggerProvider();
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var api = new ApiFactory();
        TelemetryWalk.Configure(api);
        api.Settings["Logging:LogLevel:Default"] = "Trace";
        api.Settings["Logging:LogLevel:Microsoft"] = "Trace";
        api.Settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace";
        await using var host = api.WithWebHostBuilder(b => b.ConfigureLogging(l =>
        {
            l.SetMinimumLevel(LogLevel.Trace);
            l.AddProvider(logs);
        }));
        var walk = new TelemetryWalk();
        await walk.RunAsync(api, receiver, host);
        return (logs, walk);
    }
}
