using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.SystemTests;

/// <summary>The built server, run as an operator runs it, refuses to start outside Development without its chain key; so does a command that writes.</summary>
public sealed class ChainKeyRequiredTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("assistance-chain-key-").FullName;

    [Theory]
    [InlineData("--urls=http://127.0.0.1:0", "The server did not start.", "command did nothing")]
    [InlineData("clients create --role secretariat --name Secretariat", "The command did nothing.", "server did not start")]
    public async Task Without_a_chain_key_in_Production_the_process_exits_non_zero_saying_why_and_what_it_did_not_do(
        string args, string said, string notSaid)
    {
        var start = BuiltServer.StartInfo(_folder, Path.Combine(_folder, "assistance.db"), args.Split(' '));

        var run = await BuiltServer.RunToExitAsync(start, "the process started (or hung) without a chain key");

        var output = run.Stderr + run.Stdout;
        Assert.True(run.ExitCode == 1, $"exit {run.ExitCode}: {output}");
        Assert.Contains("Audit:ChainKey is required outside Development", output);
        Assert.Contains(said, output);
        Assert.DoesNotContain(notSaid, output);
        Assert.DoesNotContain("key:", output); // no client was issued
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
