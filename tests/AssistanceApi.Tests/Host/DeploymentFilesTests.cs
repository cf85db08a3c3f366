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
    public void Nginx_publishes_port_8080_and_proxies_to_the_replicas_with_the_committed_config()
    {
        var proxy = Service("proxy");
        Assert.StartsWith("nginx:", Scalar(proxy, "image"));
        Assert.Contains("8080:80", Seq(proxy, "ports"));
        var mount = Assert.Single(Seq(proxy, "volumes"));
        var config = RepoRoot.File(mount.Split(':')[0].TrimStart('.', '/').Split('/'));
        Assert.True(File.Exists(config), $"the nginx config {config} is not committed");
        var text = File.ReadAllText(config);
        Assert.Contains("server api:8080", text);
        Assert.Contains("proxy_pass http://assistance_api", text);
        Assert.Equal("service_healthy", Scalar(Map(Map(proxy, "depends_on"), "api"), "condition"));
    }

    [Fact]
    public void The_sqlite_profile_runs_one_instance_with_its_file_on_a_named_volume()
    {
        var api = Service("api-sqlite");
        Assert.Contains("sqlite", Seq(api, "profiles"));
        Assert.Contains("8081:8080", Seq(api, "ports"));
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

    [Fact]
    public void Dockerfile_exposes_the_port_and_volume_the_compose_file_uses()
    {
        var dockerfile = File.ReadAllLines(RepoRoot.File("src", "AssistanceApi", "Dockerfile"));
        Assert.Contains("EXPOSE 8080", dockerfile);
        Assert.Contains("VOLUME /var/lib/assistance", dockerfile);
        Assert.Contains(dockerfile, l => l.StartsWith("HEALTHCHECK", StringComparison.Ordinal) && l.Contains("/health/ready"));
        Assert.Contains(dockerfile, l => l.StartsWith("ENTRYPOINT", StringComparison.Ordinal) && l.Contains("AssistanceApi"));
    }
}
