using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using AssistanceApi.Tests.Support;
using static AssistanceApi.Tests.Support.WebhookCalls;

namespace AssistanceApi.Tests.SystemTests;

/// <summary>The built server killed (SIGKILL) between sending a delivery and recording it: after a restart the event is delivered, with the same webhook-id.</summary>
public sealed partial class WebhookKillTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("assistance-webhook-kill-").FullName;
    private string DatabasePath => Path.Combine(_folder, "assistance.db");

    [GeneratedRegex(@"key: (uncc_[0-9a-f]{8}_[A-Za-z0-9_-]{43})\s")]
    private static partial Regex KeyLine();

    private ProcessStartInfo Server(int port, params string[] args)
    {
        var start = BuiltServer.StartInfo(_folder, DatabasePath, args);
        start.Environment["Audit__ChainKey"] = ApiFactory.ChainKey;
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Security__HttpsRedirection"] = "false";
        start.Environment["Webhooks__AllowedHosts"] = "127.0.0.1";
        start.Environment["Webhooks__PollMilliseconds"] = "50";
        start.Environment["Webhooks__TimeoutSeconds"] = "1";
        return start;
    }

    private static int FreePort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    private static async Task<HttpClient> ReadyAsync(int port, string key)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                if ((await client.GetAsync(WebhooksUrl)).StatusCode == HttpStatusCode.OK) return client;
            }
            catch (HttpRequestException) { }
            Assert.True(DateTime.UtcNow < deadline, "the server did not start in time");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task A_server_killed_with_a_delivery_in_flight_delivers_it_after_a_restart_with_the_same_webhook_id()
    {
        var admin = await BuiltServer.RunToExitAsync(Server(FreePort(), "clients", "create", "--role", "state-admin", "--state", "FRA", "--name", "France admin"),
            "clients create hung");
        Assert.True(admin.ExitCode == 0, admin.Stderr);
        var key = KeyLine().Match(admin.Stdout).Groups[1].Value;
        await using var receiver = await WebhookReceiver.StartAsync(async (n, context) =>
        {
            if (n == 1) await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { });
        });

        var port = FreePort();
        using (var first = Process.Start(Server(port))!)
        {
            try
            {
                using var client = await ReadyAsync(port, key);
                (var id, receiver.Secret, _) = await client.SubscribeAsync(receiver.Url);
                await (await client.PostAsync($"{WebhooksUrl}/{id}/test", null)).ExpectAsync(HttpStatusCode.Accepted);
                var deadline = DateTime.UtcNow.AddSeconds(20);
                while (receiver.Deliveries.IsEmpty)
                {
                    Assert.True(DateTime.UtcNow < deadline, "no first attempt in time");
                    await Task.Delay(10);
                }
            }
            finally
            {
                first.Kill(); // SIGKILL, mid-attempt: nothing recorded
                await first.WaitForExitAsync();
            }
        }

        port = FreePort();
        using var second = Process.Start(Server(port))!;
        try
        {
            await ReadyAsync(port, key);
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (receiver.Deliveries.Count < 2)
            {
                Assert.True(DateTime.UtcNow < deadline, "not delivered after the restart");
                await Task.Delay(100);
            }
        }
        finally
        {
            second.Kill();
            await second.WaitForExitAsync();
        }

        var (attempt1, attempt2) = (receiver.Deliveries.ElementAt(0), receiver.Deliveries.ElementAt(1));
        Assert.Equal(attempt1.Id, attempt2.Id);
        Assert.True(attempt2.SignatureValid);
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}
