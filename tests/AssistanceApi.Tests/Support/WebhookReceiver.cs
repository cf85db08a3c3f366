using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AssistanceApi.Tests.Support;

/// <summary>
/// A real HTTP receiver on loopback (Kestrel, an ephemeral port) that checks each delivery's signature with the
/// Standard Webhooks algorithm, written out here rather than borrowed from the API, and answers as the test says.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public sealed record Received(string Id, string Timestamp, string Signature, string Body, bool SignatureValid);

    private readonly WebApplication _app;
    private readonly Func<int, HttpContext, Task> _answer;

    public ConcurrentQueue<Received> Deliveries { get; } = new();

    /// <summary>The whsec_ secret the sender signs with: set it from the create response.</summary>
    public string Secret { get; set; } = "";

    public string Url { get; private set; } = "";

    private WebhookReceiver(Func<int, HttpContext, Task> answer)
    {
        _answer = answer;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapPost("/hook", HandleAsync);
    }

    /// <summary>answer(n, context): what to do with the n-th delivery (1-based); return without writing for a 200.</summary>
    public static async Task<WebhookReceiver> StartAsync(Func<int, HttpContext, Task>? answer = null)
    {
        var receiver = new WebhookReceiver(answer ?? ((_, _) => Task.CompletedTask));
        await receiver._app.StartAsync();
        var address = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = address.TrimEnd('/') + "/hook";
        return receiver;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var id = context.Request.Headers["webhook-id"].ToString();
        var timestamp = context.Request.Headers["webhook-timestamp"].ToString();
        var signature = context.Request.Headers["webhook-signature"].ToString();
        Deliveries.Enqueue(new Received(id, timestamp, signature, body, Verify(Secret, id, timestamp, body, signature)));
        await _answer(Deliveries.Count, context);
    }

    /// <summary>The specification: HMAC-SHA256 of "{id}.{timestamp}.{body}" under the base64-decoded secret after whsec_, any of the space-separated v1 signatures.</summary>
    public static bool Verify(string secret, string id, string timestamp, string body, string signatures)
    {
        if (!secret.StartsWith("whsec_", StringComparison.Ordinal)) return false;
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(secret[6..]), Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));
        return signatures.Split(' ').Any(s => s.StartsWith("v1,", StringComparison.Ordinal) &&
            CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s[3..]), Encoding.ASCII.GetBytes(expected)));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
