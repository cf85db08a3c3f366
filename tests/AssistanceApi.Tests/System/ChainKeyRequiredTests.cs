using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.SystemTests;

/// <summary>The built server, run as an operator runs it, refuses to start outside Development without its chain key.</summary>
public sealed class ChainKeyRequiredTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("assistance-chain-key-").FullName;

    [Fact]
    public async Task The_built_server_in_Production_without_a_chain_key_exits_non_zero_saying_why()
    {
        var start = BuiltServer.StartInfo(_folder, Path.Combine(_folder, "assistance.db"), ["--urls=http://127.0.0.1:0"]);

        var run = await BuiltServer.RunToExitAsync(start, "the server started (or hung) without a chain key");

        var output = run.Stderr + run.Stdout;
        Assert.True(run.ExitCode == 1, $"exit {run.ExitCode}: {output}");
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
