using System.Net;
using System.Text.RegularExpressions;
using AssistanceApi.Persistence;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Telemetry;

/// <summary>
/// The Prometheus scrape endpoint: off unless Telemetry:PrometheusEnabled, then /metrics shows the domain metrics of the
/// traffic the host has seen (one host of its own per test: it counts). Only on Telemetry:PrometheusPort when that is set.
/// The domain meter is static, so every host in the test process records into it: these tests run alone
/// (<see cref="ProcessWideMetrics"/>), or another class's uploads would add to the document bytes they count exactly.
/// </summary>
[Collection(nameof(ProcessWideMetrics))]
public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_are_not_served_unless_enabled()
    {
        await using var api = new ApiFactory();

        var response = await api.CreateClient().GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("assistance_", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task After_a_walk_through_metrics_shows_every_domain_metric()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var api = new DocumentHost(DocumentHosts.FileSystem);
        TelemetryWalk.Configure(api);
        api.Settings["Telemetry:PrometheusEnabled"] = "true";
        await new TelemetryWalk().RunAsync(api, receiver);
        var letter = DocumentCalls.UniquePdf();
        var draft = await api.As(DemoKeys.Fra).CreateDraftAsync(Bodies.CompleteMla("DEU"));
        var added = await (await api.As(DemoKeys.Fra).SendAsync(DocumentCalls.Upload(draft, letter))).ExpectAsync(HttpStatusCode.Created);
        (await api.As(DemoKeys.Fra).GetAsync(DocumentCalls.DocumentsUrl(draft, $"/{added["id"].Str()}/content"))).EnsureSuccessStatusCode();

        var text = "";
        // The webhook attempts are recorded just after the receiver answers; the exporter caches a scrape briefly.
        await TelemetryWalk.Until(() =>
        {
            text = api.CreateClient().GetStringAsync("/metrics").GetAwaiter().GetResult();
            return Sample(text, "assistance_webhook_attempts_total", "outcome=\"delivered\"") >= 6
                   && Sample(text, "assistance_acknowledgement_breaches_total") >= 1;
        }, "six delivered webhook attempts and the breach in /metrics");

        Assert.True(Sample(text, "assistance_request_transitions_total", "kind=\"mutual-legal-assistance\"", "from=\"none\"", "to=\"draft\"") >= 3, text);
        Assert.True(Sample(text, "assistance_request_transitions_total", "from=\"draft\"", "to=\"submitted\"") >= 2, text);
        Assert.True(Sample(text, "assistance_request_transitions_total", "from=\"submitted\"", "to=\"acknowledged\"") >= 1, text);
        Assert.True(Sample(text, "assistance_treaty_findings_total", "rule=\"uncc-40-15-a\"", "severity=\"error\"") >= 1, text);
        Assert.True(Sample(text, "assistance_acknowledgement_breaches_total", "kind=\"mutual-legal-assistance\"") >= 1, text);
        Assert.True(Sample(text, "assistance_rate_limit_rejections_total", "partition=\"client\"") >= 1, text);
        Assert.True(Sample(text, "assistance_webhook_lag_seconds_count") >= 6, text);
        Assert.Contains("http_server_request_duration_seconds_bucket", text);
        if (TestDatabase.Provider == DatabaseProvider.Sqlite)
        {
            Assert.True(Sample(text, "assistance_group_commit_batch_size_count") >= 1, text);
            Assert.True(Sample(text, "assistance_group_commit_wait_seconds_count") >= 1, text);
        }
        Assert.Equal(letter.Length, Sample(text, "assistance_document_bytes_total", "direction=\"in\""));
        Assert.Equal(letter.Length, Sample(text, "assistance_document_bytes_total", "direction=\"out\""));
    }

    [Fact]
    public async Task With_a_metrics_port_the_API_port_does_not_serve_metrics()
    {
        await using var api = new ApiFactory();
        api.Settings["Telemetry:PrometheusEnabled"] = "true";
        api.Settings["Telemetry:PrometheusPort"] = "9464";

        // The in-memory server's connections have no local port: it is not 9464, as the public port is not.
        var response = await api.CreateClient().GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>The sum of a metric's samples whose labels include every one given (text exposition format).</summary>
    private static double Sample(string exposition, string metric, params string[] labels) =>
        exposition.Split('\n')
            .Select(line => Regex.Match(line, $"^{Regex.Escape(metric)}(\\{{(?<labels>[^}}]*)\\}})? (?<value>\\S+)"))
            .Where(m => m.Success && labels.All(l => m.Groups["labels"].Value.Contains(l, StringComparison.Ordinal)))
            .Sum(m => double.Parse(m.Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>Tests that read the process-wide domain meter exactly: run after the parallel collections, one at a time.</summary>
[CollectionDefinition(nameof(ProcessWideMetrics), DisableParallelization = true)]
public sealed class ProcessWideMetrics;
