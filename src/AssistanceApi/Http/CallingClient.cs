namespace AssistanceApi.Http;

/// <summary>
/// The client a call's key authenticated, as the HTTP layers ask for it on every call (log scope, rate-limit partition,
/// Idempotency-Key owner): worked out once per client by authentication and put on the call, never parsed from claims.
/// </summary>
public sealed class CallingClient(Guid id)
{
    public Guid Id { get; } = id;

    public string IdText { get; } = id.ToString();

    public string RateLimitPartition { get; } = "client:" + id;

    /// <summary>Null for a call without a valid key.</summary>
    public static CallingClient? Of(HttpContext http) => http.Features.Get<CallingClient>();
}
