using FastEndpoints;
using Microsoft.AspNetCore.Http.Metadata;

namespace AssistanceApi.Http;

/// <summary>
/// If-Match is read where the resource has an entity tag (a request, a directory entry): the operations that document
/// a 412. Sent with any other change it is a 400 naming it, as a query on a POST is, rather than ignored: a client would
/// believe its change guarded against a lost update that nothing checked. "*" (the resource exists) asks nothing of it.
/// </summary>
public sealed class IfMatchRules(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext http)
    {
        var ifMatch = http.Request.Headers.IfMatch;
        if (ifMatch.Count == 0 || ifMatch.ToString().Trim() == "*" || HttpMethods.IsGet(http.Request.Method)) return next(http);
        var endpoint = http.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<EndpointDefinition>() is null
            || endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Any(m => m.StatusCode == StatusCodes.Status412PreconditionFailed))
            return next(http);
        return ProblemWriter.WriteAsync(http, new Problem
        {
            Title = "Bad Request", Status = 400, Type = Problems.TypeFor("invalid-input"),
            Detail = "This resource has no entity tag, so no If-Match can be checked: only requests and directory entries take one; nothing was changed.",
            Errors = [new ProblemError("If-Match", "not accepted on this operation.", "if-match-not-accepted")],
        });
    }
}
