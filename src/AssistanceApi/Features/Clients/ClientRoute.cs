using AssistanceApi.Http;
using FastEndpoints;

namespace AssistanceApi.Features.Clients;

public static class ClientRoute
{
    public static Guid ClientId(this BaseEndpoint endpoint) =>
        Guid.TryParse(endpoint.HttpContext.Request.RouteValues["id"]?.ToString(), out var id)
            ? id
            : throw Problems.BadRequest("The client id in the path is not a UUID.", new ProblemError("id", "must be a UUID", "invalid-id"));
}
