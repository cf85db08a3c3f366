using AssistanceApi.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace AssistanceApi.Tests.Host;

/// <summary>Docker does not run on the development machines: the deployment files are checked by parsing them.</summary>
public sealed class DeploymentFilesTests
{
    private static YamlMappingNode Compose()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(RepoRoot.File("docker-compose.yml"));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlMappingNode Map(YamlNode node, string key) => (YamlMappingNode)((YamlMappingNode)node).Children[new YamlScalarNode(key)];

    private static IEnumerable<string> Seq(YamlNode node, string key) =>
        ((YamlSequenceNode)((YamlMappingNode)node).Children[new YamlScalarNode(key)]).Children.Select(c => ((YamlScalarNode)c).Value!);

    [Fact]
    public void Compose_runs_the_api_on_port_8080_with_its_sqlite_file_on_a_named_volume()
    {
        var root = Compose();
        var api = Map(Map(root, "services"), "api");

        Assert.Contains("8080:8080", Seq(api, "ports"));
        Assert.Contains("assistance-data:/var/lib/assistance", Seq(api, "volumes"));
        Assert.True(Map(root, "volumes").Children.ContainsKey(new YamlScalarNode("assistance-data")), "the named volume is not declared");

        var environment = Map(api, "environment");
        Assert.Equal("sqlite", environment[new YamlScalarNode("Database__Provider")].ToString());
        Assert.StartsWith("Data Source=/var/lib/assistance/", environment[new YamlScalarNode("ConnectionStrings__Assistance")].ToString());
        Assert.Equal("false", environment[new YamlScalarNode("Seeding__Demo")].ToString());
        Assert.Contains("http://localhost:8080/health/ready", Seq(Map(api, "healthcheck"), "test"));

        var build = Map(api, "build");
        Assert.True(File.Exists(RepoRoot.File(build[new YamlScalarNode("dockerfile")].ToString())), "the compose file names a Dockerfile that does not exist");
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
