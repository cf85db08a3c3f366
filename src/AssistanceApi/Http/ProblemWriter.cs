using System.Diagnostics;
using System.Text.Json;

namespace AssistanceApi.Http;

public static class ProblemWriter
{
    public const string ContentType = "application/problem+json";

    public static Task WriteAsync(HttpContext http, Problem problem)
    {
        problem.Instance ??= http.Request.Path;
        problem.TraceId ??= Activity.Current?.Id ?? http.TraceIdentifier;
        http.Response.StatusCode = problem.Status;
        http.Response.ContentType = ContentType;
        var options = http.RequestServices.GetRequiredService<JsonSerializerOptions>();
        return http.Response.WriteAsync(JsonSerializer.Serialize(problem, options));
    }
}
