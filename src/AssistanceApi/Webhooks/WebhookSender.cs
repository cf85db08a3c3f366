using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace AssistanceApi.Webhooks;

/// <summary>One HTTP attempt: POST the body, signed, through the guarded client; at most 4 KB of the answer is read.</summary>
public sealed class WebhookSender(WebhookOptions options, TimeProvider clock) : IDisposable
{
    private readonly HttpClient _client = GuardedConnections.CreateClient(options);

    public sealed record Outcome(bool Delivered, int? StatusCode, int DurationMs, string? Error);

    public async Task<Outcome> SendAsync(string url, IReadOnlyList<string> secrets, Guid eventId, string body, CancellationToken stopping)
    {
        var watch = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(options.Timeout);
        try
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
            };
            WebhookSignature.Apply(message, secrets, eventId.ToString("D"), clock.GetUtcNow(), body);
            using var response = await _client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            // A success's body says nothing the attempt keeps: it is left unread (the handler drains at most 4 KB of it).
            if (response.IsSuccessStatusCode) return new Outcome(true, status, Ms(watch), null);
            var answer = await ReadSomeAsync(response, timeout.Token);
            return new Outcome(false, status, Ms(watch), Clip($"HTTP {status}" + (answer.Length > 0 ? $": {answer}" : "")));
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            return new Outcome(false, null, Ms(watch), $"timed out after {options.Timeout.TotalSeconds:0.###} s");
        }
        catch (Exception e) when (e is HttpRequestException or WebhookRefusedException or IOException or InvalidOperationException)
        {
            var refused = e as WebhookRefusedException ?? e.InnerException as WebhookRefusedException;
            return new Outcome(false, null, Ms(watch), Clip(refused is not null ? $"refused: {refused.Message}" : e.Message));
        }
    }

    /// <summary>The start of the receiver's answer, for the attempt's error: never more than 4 KB is read.</summary>
    private static async Task<string> ReadSomeAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var buffer = new byte[WebhookOptions.MaxResponseBytes];
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), ct);
            if (n == 0) break;
            read += n;
        }
        return Encoding.UTF8.GetString(buffer, 0, read);
    }

    private static string Clip(string text) => text.Length <= 500 ? text : text[..500];

    private static int Ms(Stopwatch watch) => (int)Math.Min(int.MaxValue, watch.ElapsedMilliseconds);

    public void Dispose() => _client.Dispose();
}
