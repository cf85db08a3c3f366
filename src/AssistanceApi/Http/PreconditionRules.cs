using FastEndpoints;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace AssistanceApi.Http;

/// <summary>
/// The preconditions a change may carry are the ones something checks. If-Match is read where the resource has an
/// entity tag (a request, a directory entry): the operations that document a 412. Sent with any other change it is a
/// 400 naming it, as a query on a POST is, rather than ignored: a client would believe its change guarded against a
/// lost update that nothing checked. "*" (the resource exists) asks nothing of it. If-None-Match and
/// If-Unmodified-Since are checked nowhere (nothing is created at an address the client chooses; versions are entity
/// tags, not dates), so a change carrying either is refused the same way.
/// </summary>
public sealed class PreconditionRules(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext http)
    {
        var headers = http.Request.Headers;
        if (HttpMethods.IsGet(http.Request.Method) || http.GetEndpoint()?.Metadata.GetMetadata<EndpointDefinition>() is null) return next(http);
        if (headers.ContainsKey(HeaderNames.IfNoneMatch))
            return Refuse(http, HeaderNames.IfNoneMatch, "precondition-not-accepted", "no change of this API creates at an address the client chooses, so there is nothing for it to check.");
        if (headers.ContainsKey(HeaderNames.IfUnmodifiedSince))
            return Refuse(http, HeaderNames.IfUnmodifiedSince, "precondition-not-accepted", "versions are entity tags here, not dates: send If-Match with the ETag.");
        var ifMatch = headers.IfMatch;
        if (ifMatch.Count == 0 || ifMatch.ToString().Trim() == "*"
            || http.GetEndpoint()!.Metadata.OfType<IProducesResponseTypeMetadata>().Any(m => m.StatusCode == StatusCodes.Status412PreconditionFailed))
            return next(http);
        return Refuse(http, HeaderNames.IfMatch, "if-match-not-accepted",
            "not accepted on this operation: it changes nothing that has an entity tag (If-Match guards a change of a request or of a directory entry).");
    }

    private static Task Refuse(HttpContext http, string header, string code, string reason) => ProblemWriter.WriteAsync(http, new Problem
    {
        Title = "Bad Request", Status = 400, Type = Problems.TypeFor("invalid-input"),
        Detail = $"{header} asks for a check this operation does not make; nothing was changed.",
        Errors = [new ProblemError(header, reason, code)],
    });
}
