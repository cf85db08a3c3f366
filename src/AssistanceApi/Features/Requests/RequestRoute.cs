using AssistanceApi.Auth;
using AssistanceApi.Http;
using FastEndpoints;

namespace AssistanceApi.Features.Requests;

public static class RequestRoute
{
    /// <summary>The {id} of the route; anything but a UUID is a 400 naming the field, not a bare 404.</summary>
    public static Guid RequestId(this BaseEndpoint endpoint)
    {
        var raw = endpoint.HttpContext.Request.RouteValues["id"]?.ToString();
        return Guid.TryParse(raw, out var id)
            ? id
            : throw Problems.BadRequest("The request id in the path is not a UUID.",
                new ProblemError("id", "must be a UUID, e.g. 019a4a3e-8c1f-7d2a-9b3c-4d5e6f708192", "invalid-id"));
    }

    public static Caller Caller(this BaseEndpoint endpoint) => Auth.Caller.Of(endpoint.HttpContext);

    /// <summary>The caller, the request in the path and the version its If-Match names: what a change of a request is aimed at.</summary>
    public static ActionTarget Target(this BaseEndpoint endpoint) =>
        new(endpoint.Caller(), endpoint.RequestId(), IfMatch.ExpectedVersion(endpoint.HttpContext));
}
