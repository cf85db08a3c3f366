using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using AssistanceApi.Tests.Support;
using Microsoft.Data.Sqlite;

#if !POSTGRES
// The bootstrap writes to whatever database is configured; it is exercised here on its SQLite file, whose raw
// bytes the test also searches for the key. The PostgreSQL project leaves it out.
namespace AssistanceApi.Tests.SystemTests;

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


    private Task<BuiltServer.Run> RunApiAsync(params string[] args) => RunApiAsync(new Dictionary<string, string>(), args);

    private async Task<BuiltServer.Run> RunApiAsync(Dictionary<string, string> environment, params string[] args)
    {
        var start = BuiltServer.StartInfo(_folder, DatabasePath, args);
        start.Environment.Remove("Seeding__Demo");
        // The admin log is signed with the server's chain key, so a command that changes clients needs it too.
        start.Environment["Audit__ChainKey"] = Support.ApiFactory.ChainKey;
        foreach (var (name, value) in environment) start.Environment[name] = value;
        return await BuiltServer.RunToExitAsync(start, $"`{string.Join(' ', args)}` did not finish within 60 s");
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
            cells = await StoredCells.AllTextCellsAsync(connection);
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

    [Fact]
    public async Task Outside_Development_a_command_without_the_chain_key_exits_1_saying_why_and_creates_no_client()
    {
        var run = await RunApiAsync(new Dictionary<string, string> { ["Audit__ChainKey"] = "" },
            "clients", "create", "--role", "secretariat", "--name", "Boot");

        Assert.True(run.ExitCode == 1, $"exit {run.ExitCode}\nstdout: {run.Stdout}\nstderr: {run.Stderr}");
        Assert.Contains("Audit:ChainKey is required outside Development", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
        Assert.DoesNotContain("uncc_", run.Stdout + run.Stderr);
        Assert.Empty(await ClientsRowsAsync());
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

    [Fact]
    public async Task A_command_never_loads_the_demo_data_even_in_Development_with_demo_seeding_on()
    {
        // What `dotnet run --project src/AssistanceApi -- clients create …` does through the launch profile.
        var development = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development", ["DOTNET_ENVIRONMENT"] = "Development", ["Seeding__Demo"] = "true",
        };
        var run = await RunApiAsync(development, "clients", "create", "--role", "secretariat", "--name", "Boot");
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\nstdout: {run.Stdout}\nstderr: {run.Stderr}");

        var (role, _) = Assert.Single(await QueryAsync("SELECT role, state FROM clients"));
        Assert.Equal("secretariat", role);
        // The reference seeds are there; the fictional directory is not.
        var fra = Assert.Single(await QueryAsync("SELECT code, document FROM states WHERE code = 'FRA'")).Value;
        Assert.DoesNotContain("(demo)", fra);
        Assert.DoesNotContain("example.org", fra);
        Assert.Equal(193, (await QueryAsync("SELECT code, name FROM states")).Count);
    }

    [Fact]
    public async Task Clients_list_shows_each_client_and_no_key_and_clients_revoke_kills_a_key_and_logs_it_without_an_actor()
    {
        var boot = await RunApiAsync("clients", "create", "--role", "secretariat", "--name", "Boot secretariat");
        var admin = await RunApiAsync("clients", "create", "--role", "state-admin", "--state", "FRA", "--name", "France admin");
        Assert.True(boot.ExitCode == 0 && admin.ExitCode == 0, boot.Stderr + admin.Stderr);
        var bootKey = KeyLine().Match(boot.Stdout).Groups[1].Value;
        var adminKey = KeyLine().Match(admin.Stdout).Groups[1].Value;
        var bootId = Regex.Match(boot.Stdout, @"client ([0-9a-f-]{36})").Groups[1].Value;

        var list = await RunApiAsync("clients", "list");
        Assert.True(list.ExitCode == 0, list.Stderr);
        var lines = list.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("id\tstate\trole\tname\tstatus", lines[0]);
        Assert.Contains($"{bootId}\t-\tsecretariat\tBoot secretariat\tactive", lines);
        Assert.Contains(lines, l => l.EndsWith("\tFRA\tstate-admin\tFrance admin\tactive", StringComparison.Ordinal));
        Assert.Equal(3, lines.Length);
        foreach (var key in new[] { bootKey, adminKey })
        {
            Assert.DoesNotContain(key[5..], list.Stdout);
            Assert.DoesNotContain(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))), list.Stdout);
        }

        var revoke = await RunApiAsync("clients", "revoke", bootId);
        Assert.True(revoke.ExitCode == 0, $"exit {revoke.ExitCode}\nstdout: {revoke.Stdout}\nstderr: {revoke.Stderr}");
        Assert.Contains($"{bootId}\t-\tsecretariat\tBoot secretariat\trevoked", (await RunApiAsync("clients", "list")).Stdout);
        Assert.NotEmpty(await QueryAsync($"SELECT id, revoked_at FROM clients WHERE id = '{bootId}' AND revoked_at IS NOT NULL"));

        // In the secretariat's admin log, with no actor: the operator at the server.
        var logged = await QueryAsync("SELECT action, COALESCE(actor_client, 'none') FROM admin_events WHERE log = 'secretariat' ORDER BY sequence");
        Assert.Equal([("client-created", "none"), ("client-revoked", "none")], logged);

        var unknown = await RunApiAsync("clients", "revoke", "019a4a3e-8c1f-7d2a-9b3c-4d5e6f708192");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("No client", unknown.Stderr);
        Assert.Equal(2, (await RunApiAsync("clients", "revoke", "not-an-id")).ExitCode);
    }

    [Fact]
    public async Task A_server_outside_Development_refuses_to_start_on_a_database_holding_a_demo_client()
    {
        // A database the demo data reached (as the old bootstrap did).
        AssistanceApi.Persistence.TypeHandlers.Register();
        var database = new AssistanceApi.Persistence.Database(new AssistanceApi.Persistence.DatabaseOptions
        {
            Provider = AssistanceApi.Persistence.DatabaseProvider.Sqlite, ConnectionString = $"Data Source={DatabasePath}",
        });
        await using (database)
        {
            AssistanceApi.Persistence.Migrator.Upgrade(database);
            await using var writer = new AssistanceApi.Persistence.Writer(database);
            await new AssistanceApi.Persistence.Seeding.Seeder(writer, new AssistanceApi.Persistence.Seeding.SeedOptions { Demo = true }, TimeProvider.System)
                .SeedAsync();
        }
        SqliteConnection.ClearAllPools();

        var run = await RunApiAsync();

        Assert.True(run.ExitCode != 0, $"exit {run.ExitCode}\nstdout: {run.Stdout}\nstderr: {run.Stderr}");
        Assert.Contains("Refusing to start", run.Stderr);
        Assert.Contains("demo client", run.Stderr);
        Assert.Contains("0193a000-0000-7000-8000-000000000010", run.Stderr); // demo-secretariat, by id
    }

    private async Task<List<(string Key, string Value)>> QueryAsync(string sql)
    {
        var rows = new List<(string, string)>();
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add((reader.GetString(0), reader.IsDBNull(1) ? "" : reader.GetString(1)));
        return rows;
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* left to the OS temp cleaner */ }
    }
}
#endif
