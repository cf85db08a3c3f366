using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AssistanceApi.Telemetry;
using AssistanceApi.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace AssistanceApi.Tests.Telemetry;

/// <summary>
/// The compose telemetry profile, parsed (Docker does not run here): Collector, Prometheus and Grafana only under the
/// profile, /metrics on the replicas' internal port only, the configs they mount present and consistent, and every
/// metric the dashboard queries produced by the Meter (and every instrument of the Meter on the dashboard and in docs/telemetry.md).
/// </summary>
public sealed class TelemetryDeploymentTests
{
    private static readonly YamlMappingNode Compose = LoadYaml("docker-compose.yml");

    private static YamlMappingNode LoadYaml(params string[] path)
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(RepoRoot.File(path));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlNode Get(YamlNode node, string key) => ((YamlMappingNode)node).Children[new YamlScalarNode(key)];

    private static bool Has(YamlNode node, string key) => ((YamlMappingNode)node).Children.ContainsKey(new YamlScalarNode(key));

    private static string Scalar(YamlNode node, string key) => ((YamlScalarNode)Get(node, key)).Value!;

    private static IEnumerable<string> Seq(YamlNode node, string key) =>
        ((YamlSequenceNode)Get(node, key)).Children.Select(c => ((YamlScalarNode)c).Value!);

    private static IEnumerable<(string Name, YamlNode Service)> Services =>
        ((YamlMappingNode)Get(Compose, "services")).Children.Select(c => (((YamlScalarNode)c.Key).Value!, c.Value));

    private static YamlNode Service(string name) => Get(Get(Compose, "services"), name);

    [Fact]
    public void Collector_Prometheus_and_Grafana_run_only_under_the_telemetry_profile_and_publish_on_loopback_alone()
    {
        foreach (var name in new[] { "otel-collector", "prometheus", "grafana" })
        {
            Assert.Equal(["telemetry"], Seq(Service(name), "profiles"));
            Assert.Equal(["telemetry"], Seq(Service(name), "networks"));
            if (Has(Service(name), "ports")) Assert.All(Seq(Service(name), "ports"), p => Assert.StartsWith("127.0.0.1:", p));
        }
        // A secret the operator chooses, not one in the file.
        Assert.StartsWith("${GRAFANA_ADMIN_PASSWORD:?", Scalar(Get(Service("grafana"), "environment"), "GF_SECURITY_ADMIN_PASSWORD"));
    }

    [Fact]
    public void The_replicas_serve_metrics_on_an_internal_port_that_nothing_publishes_and_the_proxy_does_not_reach()
    {
        var api = Service("api");
        var environment = Get(api, "environment");
        Assert.Equal("true", Scalar(environment, "Telemetry__PrometheusEnabled"));
        Assert.Equal("9464", Scalar(environment, "Telemetry__PrometheusPort"));
        Assert.Contains("http://+:9464", Scalar(environment, "ASPNETCORE_URLS"));
        Assert.Contains("9464", Seq(api, "expose"));
        Assert.Contains("telemetry", Seq(api, "networks"));
        Assert.DoesNotContain("telemetry", Seq(Service("proxy"), "networks"));
        foreach (var (name, service) in Services.Where(s => Has(s.Service, "ports")))
            Assert.All(Seq(service, "ports"), p => Assert.DoesNotContain("9464", p));
        Assert.Equal("json", Scalar(environment, "Logging__Console__FormatterName"));
        Assert.Equal("true", Scalar(environment, "Logging__Console__FormatterOptions__IncludeScopes"));
        // Traces go over OTLP only once the operator names an endpoint; metrics are pulled.
        Assert.Equal("${OTEL_EXPORTER_OTLP_ENDPOINT:-}", Scalar(environment, "OTEL_EXPORTER_OTLP_ENDPOINT"));
        Assert.Equal("none", Scalar(environment, "OTEL_METRICS_EXPORTER"));
    }

    [Fact]
    public void Every_file_the_profile_mounts_exists()
    {
        foreach (var name in new[] { "otel-collector", "prometheus", "grafana" })
            foreach (var mount in Seq(Service(name), "volumes").Where(v => v.StartsWith("./", StringComparison.Ordinal)))
            {
                var source = RepoRoot.File(mount.Split(':')[0][2..].Split('/'));
                Assert.True(File.Exists(source) || Directory.Exists(source), $"{name} mounts {mount}, which does not exist");
            }
    }

    [Fact]
    public void Prometheus_scrapes_each_replicas_metrics_port_and_the_collector_takes_OTLP_traces()
    {
        var scrape = ((YamlSequenceNode)Get(LoadYaml("src", "deploy", "telemetry", "prometheus.yml"), "scrape_configs")).Children.Single();
        Assert.Equal("/metrics", Scalar(scrape, "metrics_path"));
        var discovery = ((YamlSequenceNode)Get(scrape, "dns_sd_configs")).Children.Single();
        Assert.Equal(["api"], Seq(discovery, "names"));
        Assert.Equal("9464", Scalar(discovery, "port"));

        var collector = LoadYaml("src", "deploy", "telemetry", "otel-collector.yaml");
        var otlp = Get(Get(collector, "receivers"), "otlp");
        Assert.Equal("0.0.0.0:4317", Scalar(Get(Get(otlp, "protocols"), "grpc"), "endpoint"));
        var traces = Get(Get(Get(collector, "service"), "pipelines"), "traces");
        Assert.Equal(["otlp"], Seq(traces, "receivers"));
        Assert.All(Seq(traces, "exporters"), e => Assert.True(Has(Get(collector, "exporters"), e), $"pipeline exporter {e} is not defined"));
    }

    [Fact]
    public void Grafana_is_provisioned_with_Prometheus_and_the_dashboard_folder_compose_mounts()
    {
        var datasource = ((YamlSequenceNode)Get(LoadYaml("src", "deploy", "telemetry", "grafana", "provisioning", "datasources", "prometheus.yaml"), "datasources")).Children.Single();
        Assert.Equal("http://prometheus:9090", Scalar(datasource, "url"));
        var provider = ((YamlSequenceNode)Get(LoadYaml("src", "deploy", "telemetry", "grafana", "provisioning", "dashboards", "assistance.yaml"), "providers")).Children.Single();
        var path = Scalar(Get(provider, "options"), "path");
        Assert.Contains($"./src/deploy/telemetry/grafana/dashboards:{path}:ro", Seq(Service("grafana"), "volumes"));
        // Every panel queries the provisioned data source by its uid.
        Assert.All(Panels(), p => Assert.Equal(Scalar(datasource, "uid"), p["datasource"]!["uid"]!.GetValue<string>()));
    }

    [Fact]
    public void Every_metric_on_the_dashboard_comes_from_the_meter_and_every_instrument_is_on_it()
    {
        var exposed = ExposedNames();
        var queried = Panels().SelectMany(p => p["targets"]!.AsArray())
            .SelectMany(t => Regex.Matches(t!["expr"]!.GetValue<string>(), @"\bassistance_[a-z_]+").Select(m => m.Value))
            .Select(name => Regex.Replace(name, "_(bucket|count|sum)$", ""))
            .ToHashSet();

        Assert.NotEmpty(queried);
        Assert.All(queried, name => Assert.True(exposed.ContainsValue(name), $"the dashboard queries {name}, which the Meter does not produce"));
        Assert.All(exposed, pair => Assert.True(queried.Contains(pair.Value), $"{pair.Key} ({pair.Value}) is on no dashboard panel"));
        Assert.Equal(AssistanceMetrics.Names.Order(), exposed.Keys.Order());
    }

    [Fact]
    public void The_telemetry_page_names_every_instrument_of_the_meter()
    {
        var page = File.ReadAllText(RepoRoot.File("docs", "telemetry.md"));
        Assert.All(AssistanceMetrics.Names, name => Assert.Contains($"`{name}`", page));
    }

    private static IEnumerable<JsonObject> Panels() =>
        JsonNode.Parse(File.ReadAllText(RepoRoot.File("src", "deploy", "telemetry", "grafana", "dashboards", "assistance-api.json")))!["panels"]!
            .AsArray().Select(p => p!.AsObject());

    /// <summary>
    /// Each instrument of the Meter and its name as the Prometheus exporter writes it (MetricsEndpointTests reads these
    /// names from a live /metrics): dots become underscores, the unit follows (s: seconds, By: bytes), counters end in _total.
    /// </summary>
    private static Dictionary<string, string> ExposedNames()
    {
        _ = AssistanceMetrics.Names;
        var names = new Dictionary<string, string>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name != AssistanceMetrics.MeterName) return;
                var name = instrument.Name.Replace('.', '_');
                var unit = instrument.Unit switch { "s" => "seconds", "By" => "bytes", _ => null };
                if (unit is not null && !name.EndsWith("_" + unit, StringComparison.Ordinal)) name += "_" + unit;
                if (instrument.GetType().Name.StartsWith("Counter", StringComparison.Ordinal)) name += "_total";
                names[instrument.Name] = name;
            },
        };
        listener.Start();
        return names;
    }
}
