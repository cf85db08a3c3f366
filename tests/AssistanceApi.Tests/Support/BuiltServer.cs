using System.Diagnostics;

namespace AssistanceApi.Tests.Support;

/// <summary>
/// The built server (AssistanceApi.dll beside the tests) run as an operator runs it: in Production, on a SQLite file,
/// in a folder of the test's, with no chain key unless the test gives one.
/// </summary>
public static class BuiltServer
{
    public sealed record Run(int ExitCode, string Stdout, string Stderr);

    public static ProcessStartInfo StartInfo(string folder, string databasePath, IEnumerable<string> args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "AssistanceApi.dll");
        Assert.True(File.Exists(dll), $"not built: {dll}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = "sqlite";
        start.Environment["ConnectionStrings__Assistance"] = $"Data Source={databasePath}";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment.Remove("Audit__ChainKey");
        start.Environment.Remove("Audit__ChainKeyFile");
        return start;
    }

    /// <summary>Runs the process to its end; one that has not ended within 60 s is killed and fails the test with <paramref name="whenHung"/>.</summary>
    public static async Task<Run> RunToExitAsync(ProcessStartInfo start, string whenHung)
    {
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
            Assert.Fail(whenHung);
        }
        return new Run(process.ExitCode, await stdout, await stderr);
    }
}
