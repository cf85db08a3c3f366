using System.Diagnostics;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Host;

/// <summary>ADR 0012: a publish for a runtime identifier is precompiled; a build without one (dotnet run, the tests) is not.</summary>
public sealed class ReadyToRunPublishTests
{
    [Fact]
    public async Task A_publish_for_a_runtime_identifier_is_ReadyToRun()
    {
        Assert.Equal("true", await PublishReadyToRunAsync("-p:RuntimeIdentifier=linux-x64"));
    }

    [Fact]
    public async Task A_build_without_a_runtime_identifier_is_not_precompiled()
    {
        Assert.NotEqual("true", await PublishReadyToRunAsync());
    }

    /// <summary>The project's PublishReadyToRun as MSBuild evaluates it (no build, no restore).</summary>
    private static async Task<string> PublishReadyToRunAsync(params string[] properties)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "msbuild", RepoRoot.File("src", "AssistanceApi", "AssistanceApi.csproj"), "-getProperty:PublishReadyToRun", "-nologo" }
                     .Concat(properties))
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("dotnet msbuild did not answer within 60 s");
        }
        Assert.True(process.ExitCode == 0, $"dotnet msbuild exited {process.ExitCode}: {await errors}");
        return (await output).Trim();
    }
}
