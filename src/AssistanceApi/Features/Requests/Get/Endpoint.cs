using AssistanceApi.Auth;
using AssistanceApi.Http;
using FastEndpoints;

namespace AssistanceApi.Features.Requests.Get;

public sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<RequestResource>
{
    public override void Configure()
    {
        Get("/requests/{id}");
        Roles(ClientRoles.CentralAuthority, ClientRoles.ContactPoint);
        Description(b => b.ProducesProblems(400, 401, 403, 404, 412));
        Summary(s =>
        {
            s.Summary = "Get one request";
            s.Description = "Visible to the requesting State and, once submitted, to the requested State; to anyone else it " +
                            "does not exist (404). The ETag is the version: send it back as If-Match on any change (here, a 412 unless " +
                            "it is still the current one). If-None-Match is refused (400): what a request shows also changes with time " +
                            "alone (allowedActions, deadlines), which its version does not follow.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var request = await mediator.Send(new GetRequestQuery(this.Caller(), this.RequestId()), ct);
        IfMatch.SetETag(HttpContext, request.Version);
        ConditionalRead.EnsureCurrent(HttpContext, request.Version);
        ConditionalRead.RefuseIfNoneMatch(HttpContext, "a request's ETag is its version, and what it shows also changes with time alone (allowedActions, deadlines); read it whole.");
        // A RequestResource in the contract; written straight from the stored row (RequestJson), or kept (KeptRequests).
        if (request.Json is null) await HttpContext.Response.SendOkAsync(request.Written!, cancellation: ct);
        else await HttpContext.Response.SendJsonBytesAsync(request.Json, ct);
    }
}
