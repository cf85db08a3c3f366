using System.Net;
using System.Net.Sockets;

namespace AssistanceApi.Webhooks;

/// <summary>
/// The HTTP client deliveries go through. The address check happens when the socket connects, on the address
/// actually dialled, so a name that resolves to a public address when registered and to a private one later (DNS
/// rebinding) is still refused. Redirects are not followed; a host named in Webhooks:AllowedHosts skips the check.
/// </summary>
public static class GuardedConnections
{
    public static HttpClient CreateClient(WebhookOptions options) => new(CreateHandler(options), disposeHandler: true)
    {
        Timeout = Timeout.InfiniteTimeSpan, // the sender applies the delivery timeout itself, to tell it from a shutdown
    };

    public static SocketsHttpHandler CreateHandler(WebhookOptions options) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        // An answer left unread (a success's) is drained for reuse only up to 4 KB; a longer one closes the connection.
        MaxResponseDrainSize = WebhookOptions.MaxResponseBytes,
        ConnectCallback = (context, ct) => ConnectAsync(context.DnsEndPoint, options, ct),
    };

    public static async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, WebhookOptions options, CancellationToken ct)
    {
        var check = !options.AnyAddress && !options.IsAllowedHost(endpoint.Host);
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, ct);
        if (addresses.Length == 0) throw new WebhookRefusedException($"{endpoint.Host} does not resolve.");
        if (check && addresses.Select(a => (a, reason: AddressPolicy.Refusal(a))).FirstOrDefault(x => x.reason is not null) is { reason: { } reason } refused)
            throw new WebhookRefusedException($"{endpoint.Host} resolves to {refused.a}, a {reason} address, which webhooks may not reach.");

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endpoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>A delivery refused before any byte was sent (the SSRF guard).</summary>
public sealed class WebhookRefusedException(string message) : Exception(message);
