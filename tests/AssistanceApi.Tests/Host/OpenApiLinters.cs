#if !POSTGRES
using System.Diagnostics;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Host;

/// <summary>
/// Redocly CLI and Spectral as package.json pins them (npm ci at the repository root installs them; .ci/run does),
/// run through npx on the committed document with the committed rulesets (redocly.yaml, .spectral.yaml).
/// </summary>
public static class OpenApiLinters
{
    private static readonly string Bin = RepoRoot.File("node_modules", ".bin");

    /// <summary>Why the linters cannot run here; null when they can. Under CI=true never a reason: missing tools fail.</summary>
    public static string? SkipReason =>
        Installed || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            ? null
            : "the OpenAPI linters are not installed: run npm ci at the repository root (.ci/run does)";

    private static bool Installed => File.Exists(Path.Combine(Bin, "redocly")) && File.Exists(Path.Combine(Bin, "spectral"));

    /// <summary>The exit code, the standard output (the report) and the standard error (banners, failures).</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] arguments)
    {
        Assert.True(Installed, "node_modules/.bin has no redocly or spectral: run npm ci at the repository root");
        var start = new ProcessStartInfo("npx") { WorkingDirectory = RepoRoot.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["--no-install", .. arguments]) start.ArgumentList.Add(argument);
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }
}

/// <summary>A fact that needs the npm linters: skipped with how to install them outside CI, failed under CI=true.</summary>
public sealed class LinterFactAttribute : FactAttribute
{
    public LinterFactAttribute()
    {
        if (OpenApiLinters.SkipReason is { } reason) Skip = reason;
    }
}
#endif
