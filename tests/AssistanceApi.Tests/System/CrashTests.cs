#if !POSTGRES
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AssistanceApi.Tests.Support;

// The built API in a child process on its SQLite file, killed with SIGKILL in the middle of a write load.
namespace AssistanceApi.Tests.SystemTests;

public sealed class CrashTests : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Create();
    private readonly int _port = FreePort();
    private Process? _api;

    [Fact]
    public async Task A_kill_during_a_create_load_loses_no_request_that_got_a_201()
    {
        await StartAsync();
        var created = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var killed = new TaskCompletionSource();

        var load = Enumerable.Range(0, 16).Select(async _ =>
        {
            using var client = Client(DemoKeys.Fra);
            while (!stop.IsCancellationRequested && !killed.Task.IsCompleted)
            {
                try
                {
                    var response = await client.PostJsonAsync("/api/v1/requests", Bodies.CompleteMla(), stop.Token);
                    if (response.StatusCode == HttpStatusCode.Created) created.Add((await response.JsonAsync())["id"].Str());
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    // The server died under this request: it got no 201, so it promises nothing.
                }
            }
        }).ToList();

        while (created.Count < 200 && !stop.IsCancellationRequested) await Task.Delay(20);
        _api!.Kill(entireProcessTree: true); // SIGKILL: no shutdown, no flush
        await _api.WaitForExitAsync();
        killed.SetResult();
        await Task.WhenAll(load);
        Assert.True(created.Count >= 200, $"only {created.Count} creates succeeded before the kill");

        await StartAsync();
        using var check = Client(DemoKeys.Fra);
        var missing = new List<string>();
        foreach (var id in created)
            if ((await check.GetAsync($"/api/v1/requests/{id}")).StatusCode != HttpStatusCode.OK) missing.Add(id);
        Assert.True(missing.Count == 0, $"{missing.Count} of {created.Count} acknowledged requests were lost: {string.Join(", ", missing.Take(5))}");
    }

    private HttpClient Client(string key)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_port}"), Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    private async Task StartAsync()
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "AssistanceApi.dll"));
        start.ArgumentList.Add($"--urls=http://127.0.0.1:{_port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = "sqlite";
        start.Environment["ConnectionStrings__Assistance"] = _database.ConnectionString;
        start.Environment["Seeding__Demo"] = "true";
        start.Environment["Audit__ChainKey"] = ApiFactory.ChainKey;
        start.Environment["RateLimiting__PermitsPerMinute"] = "100000000";
        start.Environment["Security__HttpsRedirection"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        _api = Process.Start(start)!;
        _api.OutputDataReceived += (_, _) => { };
        _api.ErrorDataReceived += (_, _) => { };
        _api.BeginOutputReadLine();
        _api.BeginErrorReadLine();

        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await probe.GetAsync($"http://127.0.0.1:{_port}/health/ready")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            Assert.False(_api.HasExited, $"the API exited with {(_api.HasExited ? _api.ExitCode : 0)} while starting");
            await Task.Delay(100);
        }
        Assert.Fail("the API was not ready within 60 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_api is { HasExited: false }) _api.Kill(entireProcessTree: true);
        _api?.Dispose();
        await _database.DisposeAsync();
    }
}
#endif
