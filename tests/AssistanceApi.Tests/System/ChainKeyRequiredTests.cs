using System.Diagnostics;

namespace AssistanceApi.Tests.SystemTests;

/// <summary>The built server, run as an operator runs it, refuses to start outside Development without its chain key.</summary>
public sealed class ChainKeyRequiredTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("assistance-chain-key-").FullName;

    [Fact]
    public async Task The_built_server_in_Production_without_a_chain_key_exits_non_zero_saying_why()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "AssistanceApi.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = _folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls=http://127.0.0.1:0");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = "sqlite";
        start.Environment["ConnectionStrings__Assistance"] = $"Data Source={Path.Combine(_folder, "assistance.db")}";
        start.Environment.Remove("Audit__ChainKey");
        start.Environment.Remove("Audit__ChainKeyFile");

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the server started (or hung) without a chain key");
        }

        var output = await stderr + await stdout;
        Assert.True(process.ExitCode == 1, $"exit {process.ExitCode}: {output}");
        Assert.Contains("Audit:ChainKey is required outside Development", output);
        // A refusal, not a crash: one message, no stack trace.
        Assert.DoesNotContain("Unhandled exception", output);
        Assert.DoesNotContain("   at ", output);
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}
