using System.Security.Claims;
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
    public async Task InvokeAsync(HttpContext http, IdempotencyContext context)
    {
        // A streamed upload is not fingerprinted: it would be read twice, and its Repr-Digest already names its content.
        if (!HttpMethods.IsPost(http.Request.Method) || StreamedBody.On(http) || !http.Request.Headers.TryGetValue(IdempotencyContext.Header, out var values)
            || http.User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } clientId)
        {
            await next(http);
            return;
        }

        var key = values.ToString();
        if (key.Length is 0 or > 255 || key.Any(c => c is < '!' or > '~'))
            throw Problems.BadRequest("Idempotency-Key must be 1–255 visible ASCII characters, e.g. a UUID.",
                new ProblemError(IdempotencyContext.Header, "1–255 visible ASCII characters", "invalid-idempotency-key"));

        http.Request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{http.Request.Method} {http.Request.Path}\n"));
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(buffer, http.RequestAborted)) > 0) hash.AppendData(buffer, 0, read);
        http.Request.Body.Position = 0;

        context.Key = key;
        context.Fingerprint = Convert.ToHexStringLower(hash.GetHashAndReset());
        context.ClientId = Guid.Parse(clientId);
        await next(http);
    }
}
