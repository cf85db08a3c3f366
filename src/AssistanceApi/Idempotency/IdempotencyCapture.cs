using System.Security.Cryptography;
using System.Text;
using AssistanceApi.Http;

namespace AssistanceApi.Idempotency;

/// <summary>
/// Reads Idempotency-Key on authenticated POSTs and fingerprints the method, path and body, so the
/// behaviour inside the transaction can tell a retry (same body) from a reuse (another body).
/// </summary>
public sealed class IdempotencyCapture(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext http) =>
        HttpMethods.IsPost(http.Request.Method) && http.Request.Headers.TryGetValue(IdempotencyContext.Header, out var values)
        && CallingClient.Of(http) is { } client
            // Two headers would otherwise be read as one key, "k1,k2".
            ? CaptureAsync(http, values.Count == 1 ? values.ToString() : "", client.Id)
            : next(http);

    private async Task CaptureAsync(HttpContext http, string key, Guid clientId)
    {
        // Resolved here, not as a parameter of InvokeAsync: a call without a key (every read) makes no scoped context.
        var context = http.RequestServices.GetRequiredService<IdempotencyContext>();

        if (key.Length is 0 or > 255 || key.Any(c => c is < '!' or > '~'))
            throw Problems.BadRequest("Idempotency-Key must be one header of 1–255 visible ASCII characters, e.g. a UUID.",
                new ProblemError(IdempotencyContext.Header, "one header of 1–255 visible ASCII characters", "invalid-idempotency-key"));

        context.Key = key;
        context.ClientId = clientId;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        if (StreamedBody.On(http))
        {
            // Read once, by the endpoint, never buffered here: the command adds what arrived (IStreamedWriteCommand).
            hash.AppendData(Encoding.UTF8.GetBytes($"{http.Request.Method} {http.Request.Path}{http.Request.QueryString}\n"));
            context.Fingerprint = Convert.ToHexStringLower(hash.GetHashAndReset());
            await next(http);
            return;
        }

        http.Request.EnableBuffering();
        hash.AppendData(Encoding.UTF8.GetBytes($"{http.Request.Method} {http.Request.Path}\n"));
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(buffer, http.RequestAborted)) > 0) hash.AppendData(buffer, 0, read);
        http.Request.Body.Position = 0;

        context.Fingerprint = Convert.ToHexStringLower(hash.GetHashAndReset());
        await next(http);
    }
}
