#if !POSTGRES
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Host;

/// <summary>Integrators start from the committed document: both linters must find nothing in it, not even a warning.</summary>
public sealed class OpenApiLintTests
{
    private const string Document = "openapi/assistance-api.v1.json";

    [LinterFact]
    public async Task Redocly_finds_no_error_and_no_warning()
    {
        var (exitCode, output, errors) = await OpenApiLinters.RunAsync("redocly", "lint", Document, "--format=json");
        var report = JsonNode.Parse(JsonPart(output, errors))!;
        var problems = report["problems"]!.AsArray().Select(p => $"{p!["severity"]} {p["ruleId"]} {p["location"]![0]!["pointer"]}: {p["message"]}");
        Assert.True(report["totals"]!["errors"]!.GetValue<int>() == 0 && report["totals"]!["warnings"]!.GetValue<int>() == 0,
            "redocly lint " + Document + ":\n" + string.Join('\n', problems));
        Assert.Equal(0, exitCode);
    }

    [LinterFact]
    public async Task Spectral_finds_no_error_and_no_warning()
    {
        var (exitCode, output, errors) = await OpenApiLinters.RunAsync("spectral", "lint", Document, "--format=json", "--fail-severity=warn", "--quiet");
        var results = JsonNode.Parse(JsonPart(output, errors))!.AsArray();
        // Spectral's severities: 0 error, 1 warning, 2 information, 3 hint.
        var findings = results.Where(r => r!["severity"]!.GetValue<int>() <= 1)
            .Select(r => $"{r!["code"]} {string.Join('.', r["path"]!.AsArray())}: {r["message"]}").ToList();
        Assert.True(findings.Count == 0, "spectral lint " + Document + ":\n" + string.Join('\n', findings));
        Assert.Equal(0, exitCode);
    }

    /// <summary>The JSON report, without the banners a tool may print around it.</summary>
    private static string JsonPart(string output, string errors)
    {
        var start = output.IndexOfAny(['{', '[']);
        var end = Math.Max(output.LastIndexOf('}'), output.LastIndexOf(']'));
        Assert.True(start >= 0 && end > start, "no JSON report in the linter's output:\n" + output + errors);
        return output[start..(end + 1)];
    }
}
#endif
