using Microsoft.AspNetCore.WebUtilities;

namespace AssistanceApi.Http;

/// <summary>The problem+json for a status the routing set without a body: no endpoint at the path, or not for this method.</summary>
public static class EmptyStatus
{
    public static Task WriteAsync(HttpContext http)
    {
        var status = http.Response.StatusCode;
        return ProblemWriter.WriteAsync(http, new Problem
        {
            Title = ReasonPhrases.GetReasonPhrase(status),
            Status = status,
            Type = Problems.TypeFor(status switch { 404 => "not-found", 405 => "method-not-allowed", _ => "invalid-input" }),
            Detail = status switch
            {
                404 => "No resource of this API is at this path; the OpenAPI document at /swagger/v1/swagger.json lists them.",
                405 => "This path does not take this method; the Allow header lists those it takes.",
                _ => "The request could not be served as sent.",
            },
        });
    }
}
