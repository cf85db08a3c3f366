namespace AssistanceApi.Http;

/// <summary>Request data must not be sniffed or cached by anything between the two authorities.</summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext http)
    {
        http.Response.OnStarting(SetHeaders, http);
        return next(http);
    }

    // One delegate for every call: a lambda over the call would be a closure and a delegate allocated per call.
    private static readonly Func<object, Task> SetHeaders = state =>
    {
        var http = (HttpContext)state;
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        if (http.Request.Path.StartsWithSegments("/api")) headers.CacheControl = "no-store";
        return Task.CompletedTask;
    };
}
