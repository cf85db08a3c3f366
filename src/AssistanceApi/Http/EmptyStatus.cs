using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.WebUtilities;

namespace AssistanceApi.Http;

/// <summary>
/// The problem+json for a status the routing set without a body: no endpoint at the path, not for this method, or (415)
/// a body whose Content-Type no endpoint there takes, which routing refuses before <see cref="BodyRules"/> sees it.
/// </summary>
public static class EmptyStatus
{
    public static Task WriteAsync(HttpContext http)
    {
        var status = http.Response.StatusCode;
        // Routing refused the body before authorization ran; every endpoint at this path needs a key, so 401 comes first.
        if (status == 415 && http.User.Identity?.IsAuthenticated != true) return http.ChallengeAsync();
        return ProblemWriter.WriteAsync(http, new Problem
        {
            Title = ReasonPhrases.GetReasonPhrase(status),
            Status = status,
            Type = Problems.TypeFor(status switch { 404 => "not-found", 405 => "method-not-allowed", 415 => "unsupported-media-type", _ => "invalid-input" }),
            Detail = status switch
            {
                404 => "No resource of this API is at this path; the OpenAPI document at /swagger/v1/swagger.json lists them.",
                405 => "This path does not take this method; the Allow header lists those it takes.",
                415 => BodyRules.JsonOnly,
                _ => "The request could not be served as sent.",
            },
        });
    }
}
