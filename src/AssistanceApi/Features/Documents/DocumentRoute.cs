using AssistanceApi.Http;
using FastEndpoints;

namespace AssistanceApi.Features.Documents;

public static class DocumentRoute
{
    /// <summary>The {docId} of the route; anything but a UUID is a 400 naming it.</summary>
    public static Guid DocumentId(this BaseEndpoint endpoint)
    {
        var raw = endpoint.HttpContext.Request.RouteValues["docId"]?.ToString();
        return Guid.TryParse(raw, out var id)
            ? id
            : throw Problems.BadRequest("The document id in the path is not a UUID.",
                new ProblemError("docId", "must be a UUID, e.g. 019a4a3e-8c1f-7d2a-9b3c-4d5e6f708192", "invalid-id"));
    }
}
