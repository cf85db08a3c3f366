using System.Diagnostics;
using System.Security.Claims;

namespace AssistanceApi.Http;

/// <summary>
/// After authentication: every log line written while the call runs carries its trace id and the client behind the key
/// (never the key). The scope is one small object a call, and costs nothing when no logger includes scopes.
/// </summary>
public sealed class ClientLogScope(RequestDelegate next, ILogger<ClientLogScope> log)
{
    public async Task InvokeAsync(HttpContext http)
    {
        using var scope = log.BeginScope(new Values(
            Activity.Current?.TraceId.ToHexString() ?? http.TraceIdentifier,
            http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous"));
        await next(http);
    }

    /// <summary>As structured values (JSON console: "TraceId", "ClientId") and as text.</summary>
    private sealed class Values(string traceId, string clientId) : IReadOnlyList<KeyValuePair<string, object>>
    {
        public KeyValuePair<string, object> this[int index] => index switch
        {
            0 => new("TraceId", traceId),
            1 => new("ClientId", clientId),
            _ => throw new ArgumentOutOfRangeException(nameof(index)),
        };

        public int Count => 2;

        public IEnumerator<KeyValuePair<string, object>> GetEnumerator()
        {
            yield return this[0];
            yield return this[1];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => $"TraceId:{traceId} ClientId:{clientId}";
    }
}
