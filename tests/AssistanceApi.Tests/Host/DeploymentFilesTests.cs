using System.Text.Json;
using AssistanceApi.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace AssistanceApi.Tests.Host;

/// <summary>Docker does not run on the development machines: the deployment files are checked by parsing them.</summary>
public sealed class DeploymentFilesTests
{
    private static readonly YamlMappingNode Root = Load();

    private static YamlMappingNode Load()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(RepoRoot.File("docker-compose.yml"));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlMappingNode Map(YamlNode node, string key) => (YamlMappingNode)((YamlMappingNode)node).Children[new YamlScalarNode(key)];

    private static string Scalar(YamlNode node, string key) => ((YamlScalarNode)((YamlMappingNode)node).Children[new YamlScalarNode(key)]).Value!;

    private static IEnumerable<string> Seq(YamlNode node, string key) =>
        ((YamlSequenceNode)((YamlMappingNode)node).Children[new YamlScalarNode(key)]).Children.Select(c => ((YamlScalarNode)c).Value!);

    private static bool Has(YamlNode node, string key) => ((YamlMappingNode)node).Children.ContainsKey(new YamlScalarNode(key));

    private static YamlMappingNode Service(string name) => Map(Map(Root, "services"), name);

    [Fact]
    public void PostgreSQL_runs_from_the_official_image_on_a_named_volume_with_a_health_check()
    {
        var postgres = Service("postgres");
        Assert.StartsWith("postgres:", Scalar(postgres, "image"));
        Assert.Contains("postgres-data:/var/lib/postgresql/data", Seq(postgres, "volumes"));
        Assert.True(Has(Map(Root, "volumes"), "postgres-data"), "the named volume postgres-data is not declared");
        Assert.Contains(Seq(Map(postgres, "healthcheck"), "test"), t => t.Contains("pg_isready"));
        // No secret in the file: the password comes from .env, and the compose run fails without it.
        Assert.StartsWith("${POSTGRES_PASSWORD:?", Scalar(Map(postgres, "environment"), "POSTGRES_PASSWORD"));
    }

    [Fact]
    public void Two_api_replicas_run_on_postgres_once_it_is_healthy()
    {
        var api = Service("api");
        Assert.Equal("2", Scalar(Map(api, "deploy"), "replicas"));
        Assert.False(Has(api, "ports"), "replicas publish no host port: the proxy does");
        var environment = Map(api, "environment");
        Assert.Equal("postgres", Scalar(environment, "Database__Provider"));
        var connection = Scalar(environment, "ConnectionStrings__Assistance");
        Assert.Contains("Host=postgres", connection);
        Assert.Contains("Password=${POSTGRES_PASSWORD}", connection);
        Assert.Equal("false", Scalar(environment, "Seeding__Demo"));
        Assert.Equal("service_healthy", Scalar(Map(Map(api, "depends_on"), "postgres"), "condition"));
        Assert.Contains("http://localhost:8080/health/ready", Seq(Map(api, "healthcheck"), "test"));
        Assert.True(File.Exists(RepoRoot.File(Scalar(Map(api, "build"), "dockerfile"))), "the compose file names a Dockerfile that does not exist");
    }

    [Fact]
    public void The_replicas_keep_HTTPS_redirection_and_believe_forwarded_headers_from_the_proxy_network_alone()
    {
        var api = Service("api");
        var environment = Map(api, "environment");
        Assert.False(Has(environment, "Security__HttpsRedirection"), "behind the proxy the API keeps its default: HTTPS redirection and HSTS");
        Assert.Equal("443", Scalar(environment, "HTTPS_PORT"));
        // The trusted range is the subnet of the network the proxy and the replicas share, and nothing wider.
        var subnet = Scalar(Assert.Single(((YamlSequenceNode)Map(Map(Map(Root, "networks"), "edge"), "ipam").Children[new YamlScalarNode("config")]).Children), "subnet");
        Assert.Equal(subnet, Scalar(environment, "Proxy__KnownNetworks"));
        // telemetry: the telemetry profile's Prometheus and collector, which the proxy is not on (TelemetryDeploymentTests).
        Assert.Equal(["edge", "data", "telemetry"], Seq(api, "networks"));
        Assert.Equal(["edge"], Seq(Service("proxy"), "networks"));
        Assert.Equal(["data"], Seq(Service("postgres"), "networks"));
        Assert.Equal("true", Scalar(Map(Map(Root, "networks"), "data"), "internal"));
        // The health check comes from loopback (trusted) and says https, so a redirect cannot pass for ready.
        Assert.Contains("X-Forwarded-Proto: https", Seq(Map(api, "healthcheck"), "test"));
    }

    [Fact]
    public void Only_the_proxy_publishes_a_port_on_every_address_and_only_80_and_443()
    {
        foreach (var (name, service) in Map(Root, "services").Children.Select(c => (((YamlScalarNode)c.Key).Value!, c.Value)))
        {
            if (name == "proxy" || !Has(service, "ports")) continue;
            foreach (var port in Seq(service, "ports"))
                Assert.True(port.StartsWith("127.0.0.1:", StringComparison.Ordinal), $"{name} publishes {port} beyond loopback");
        }
        Assert.False(Has(Service("postgres"), "ports"), "PostgreSQL is published");
        Assert.Equal(["80:80", "443:443"], Seq(Service("proxy"), "ports"));
    }

    [Fact]
    public void Nginx_proxies_to_the_replicas_with_the_committed_config_and_a_certificate_folder_outside_git()
    {
        var proxy = Service("proxy");
        Assert.StartsWith("nginx:", Scalar(proxy, "image"));
        var volumes = Seq(proxy, "volumes").ToList();
        Assert.Equal(2, volumes.Count);
        var config = RepoRoot.File(volumes[0].Split(':')[0].TrimStart('.', '/').Split('/'));
        Assert.True(File.Exists(config), $"the nginx config {config} is not committed");
        Assert.EndsWith(":/etc/nginx/conf.d/default.conf:ro", volumes[0]);
        var text = File.ReadAllText(config);
        Assert.Contains("server api:8080", text);
        Assert.Contains("proxy_pass http://assistance_api", text);
        Assert.Equal("service_healthy", Scalar(Map(Map(proxy, "depends_on"), "api"), "condition"));

        // The certificate folder: make-dev-cert.sh fills the default, which git ignores; TLS_CERT_DIR names a real one.
        Assert.Equal("${TLS_CERT_DIR:-./src/deploy/certs}:/etc/nginx/certs:ro", volumes[1]);
        Assert.Contains("src/deploy/certs/", File.ReadAllLines(RepoRoot.File(".gitignore")));
        Assert.Contains("/etc/nginx/certs/fullchain.pem", text);
        Assert.Contains("/etc/nginx/certs/privkey.pem", text);
        Assert.Contains("https://localhost/nginx-health", Seq(Map(proxy, "healthcheck"), "test"));
    }

    [Fact]
    public void The_sqlite_profile_runs_one_instance_with_its_file_on_a_named_volume()
    {
        var api = Service("api-sqlite");
        Assert.Contains("sqlite", Seq(api, "profiles"));
        Assert.Equal(["127.0.0.1:8081:8080"], Seq(api, "ports"));
        Assert.Contains("assistance-data:/var/lib/assistance", Seq(api, "volumes"));
        Assert.True(Has(Map(Root, "volumes"), "assistance-data"), "the named volume assistance-data is not declared");
        var environment = Map(api, "environment");
        Assert.Equal("sqlite", Scalar(environment, "Database__Provider"));
        Assert.StartsWith("Data Source=/var/lib/assistance/", Scalar(environment, "ConnectionStrings__Assistance"));
    }

    [Fact]
    public void The_env_example_names_every_variable_the_compose_file_needs_and_no_real_secret()
    {
        var example = File.ReadAllLines(RepoRoot.File(".env.example")).Where(l => l.Contains('=') && !l.StartsWith('#'))
            .ToDictionary(l => l.Split('=')[0], l => l[(l.IndexOf('=') + 1)..]);
        var compose = File.ReadAllText(RepoRoot.File("docker-compose.yml"));
        foreach (var name in System.Text.RegularExpressions.Regex.Matches(compose, @"\$\{([A-Z_]+)").Select(m => m.Groups[1].Value).Distinct())
            Assert.True(example.ContainsKey(name), $".env.example does not name {name}");
        Assert.Equal("change-me", example["POSTGRES_PASSWORD"]);
        Assert.Contains(".env", File.ReadAllLines(RepoRoot.File(".gitignore")));
    }

    [Theory]
    [InlineData("api")]
    [InlineData("api-sqlite")]
    public void Every_production_service_gets_the_audit_chain_key_from_env_and_starts_without_it_never(string service)
    {
        var environment = Map(Service(service), "environment");
        Assert.Equal("Production", Scalar(environment, "ASPNETCORE_ENVIRONMENT"));
        // Outside Development the API refuses to start without Audit__ChainKey; compose must fail first, and say why.
        Assert.StartsWith("${AUDIT_CHAIN_KEY:?", Scalar(environment, "Audit__ChainKey"));
    }

    [Fact]
    public void Dockerfile_exposes_the_port_and_volume_the_compose_file_uses()
    {
        var dockerfile = File.ReadAllLines(RepoRoot.File("src", "AssistanceApi", "Dockerfile"));
        Assert.Contains("EXPOSE 8080", dockerfile);
        Assert.Contains("VOLUME /var/lib/assistance", dockerfile);
        Assert.Contains(dockerfile, l => l.StartsWith("HEALTHCHECK", StringComparison.Ordinal) && l.Contains("/health/ready"));
        Assert.Contains(dockerfile, l => l.StartsWith("ENTRYPOINT", StringComparison.Ordinal) && l.Contains("AssistanceApi"));
    }

    [Fact]
    public void The_image_runs_the_server_garbage_collector_the_load_benchmark_measures()
    {
        // ADR 0015: workstation GC ran create at 0.65–0.93 of server GC; the image must not switch it back.
        using var runtimeConfig = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "AssistanceApi.runtimeconfig.json")));
        Assert.True(runtimeConfig.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").GetProperty("System.GC.Server").GetBoolean());
        foreach (var file in new[] { RepoRoot.File("src", "AssistanceApi", "Dockerfile"), RepoRoot.File("docker-compose.yml") })
        {
            var text = File.ReadAllText(file);
            // DOTNET_gcServer or COMPlus_gcServer, and the runtimeconfig name: none may switch it in the image or the stack.
            Assert.DoesNotContain("gcServer", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("System.GC.Server", text, StringComparison.OrdinalIgnoreCase);
        }
    }
}
