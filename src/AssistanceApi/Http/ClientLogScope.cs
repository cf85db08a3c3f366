using System.Diagnostics;

namespace AssistanceApi.Http;

/// <summary>
/// After authentication: every log line written while the call runs carries its trace id and the client behind the key
/// (never the key). The scope is one small object a call; its values are only turned into text when a logger that
/// includes scopes reads them, so a call that logs nothing formats nothing.
/// </summary>
public sealed class ClientLogScope(RequestDelegate next, ILogger<ClientLogScope> log)
{
    public async Task InvokeAsync(HttpContext http)
    {
        using var scope = log.BeginScope(new Values(http, Activity.Current));
        await next(http);
    }

    /// <summary>As structured values (JSON console: "TraceId", "ClientId") and as text.</summary>
    private sealed class Values(HttpContext http, Activity? activity) : IReadOnlyList<KeyValuePair<string, object>>
    {
        private string TraceId => activity?.TraceId.ToHexString() ?? http.TraceIdentifier;

        private string ClientId => CallingClient.Of(http)?.IdText ?? "anonymous";

        public KeyValuePair<string, object> this[int index] => index switch
        {
            0 => new("TraceId", TraceId),
            1 => new("ClientId", ClientId),
            _ => throw new ArgumentOutOfRangeException(nameof(index)),
        };

        public int Count => 2;

        public IEnumerator<KeyValuePair<string, object>> GetEnumerator()
        {
            yield return this[0];
            yield return this[1];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => $"TraceId:{TraceId} ClientId:{ClientId}";
    }
}
