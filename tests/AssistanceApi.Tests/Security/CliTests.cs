using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

#if !POSTGRES
// The bootstrap writes to whatever database is configured; it is exercised here on its SQLite file, whose raw
// bytes the test also searches for the key. The PostgreSQL project leaves it out.
namespace AssistanceApi.Tests.Security;

/// <summary>
/// The bootstrap command (Host/Cli.cs) run as the operator runs it: the built API in a child process, against
/// a fresh Production database, with no ApiFactory.
/// </summary>
public sealed partial class CliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("assistance-cli-").FullName;

    private string DatabasePath => Path.Combine(_folder, "assistance.db");

    [GeneratedRegex(@"key: (uncc_[0-9a-f]{8}_[A-Za-z0-9_-]{43})\s")]
    private static partial Regex KeyLine();

    private sealed record Run(int ExitCode, string Stdout, string Stderr);

    private async Task<Run> RunApiAsync(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "AssistanceApi.dll");
        Assert.True(File.Exists(dll), $"not built: {dll}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ConnectionStrings__Assistance"] = $"Data Source={DatabasePath}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = "sqlite";
        start.Environment.Remove("Seeding__Demo");

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
            Assert.Fail($"`{string.Join(' ', args)}` did not finish within 60 s");
        }
        return new Run(process.ExitCode, await stdout, await stderr);
    }

    private async Task<List<(string Table, string Value)>> ClientsRowsAsync()
    {
        var rows = new List<(string, string)>();
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT key_prefix, key_hash, role, state FROM clients";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add((reader.IsDBNull(0) ? "" : reader.GetString(0), reader.GetString(1)));
        return rows;
    }

    [Fact]
    public async Task Clients_create_prints_a_key_once_and_stores_only_its_prefix_and_hash()
    {
        var run = await RunApiAsync("clients", "create", "--role", "secretariat", "--name", "Boot");

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\nstdout: {run.Stdout}\nstderr: {run.Stderr}");
        var match = KeyLine().Match(run.Stdout);
        Assert.True(match.Success, $"no key in stdout: {run.Stdout}");
        var key = match.Groups[1].Value;
        Assert.Single(Regex.Matches(run.Stdout + run.Stderr, Regex.Escape(key)));
        Assert.DoesNotContain(key[14..], run.Stderr);

        // Production started empty: this is the only client, stored as prefix and SHA-256.
        var (prefix, hash) = Assert.Single(await ClientsRowsAsync());
        Assert.Equal(key[5..13], prefix);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))), hash);

        // Nowhere in the database: not the key, not its secret part.
        List<(string Table, string Value)> cells;
        await using (var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False"))
        {
            await connection.OpenAsync();
            cells = await SecretsTests.AllTextCellsAsync(connection);
        }
        Assert.NotEmpty(cells);
        Assert.DoesNotContain(cells, c => c.Value.Contains(key, StringComparison.Ordinal));
        Assert.DoesNotContain(cells, c => c.Value.Contains(key[14..], StringComparison.Ordinal));
        foreach (var file in new[] { DatabasePath, DatabasePath + "-wal", DatabasePath + "-journal" }.Where(File.Exists))
        {
            var raw = await File.ReadAllBytesAsync(file);
            Assert.True(raw.AsSpan().IndexOf(Encoding.UTF8.GetBytes(key[14..])) < 0, $"the key's secret is in {Path.GetFileName(file)}");
        }
    }

    [Theory]
    [InlineData("clients|create|--name|Boot", "role")]
    [InlineData("clients|delete|--role|secretariat|--name|Boot", "usage")]
    public async Task A_bad_invocation_exits_2_and_creates_no_client(string args, string mentioned)
    {
        var run = await RunApiAsync(args.Split('|'));

        Assert.True(run.ExitCode == 2, $"exit {run.ExitCode}\nstdout: {run.Stdout}\nstderr: {run.Stderr}");
        Assert.Contains(mentioned, run.Stderr);
        Assert.DoesNotContain("uncc_", run.Stdout + run.Stderr);
        Assert.Empty(await ClientsRowsAsync());
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* left to the OS temp cleaner */ }
    }
}
#endif
