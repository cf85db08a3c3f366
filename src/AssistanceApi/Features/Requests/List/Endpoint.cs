using AssistanceApi.Auth;
using AssistanceApi.Http;
using FastEndpoints;

namespace AssistanceApi.Features.Requests.List;

public sealed class Endpoint(IMediator mediator) : Endpoint<ListRequestsRequest, Page<RequestResource>>
{
    public override void Configure()
    {
        Get("/requests");
        Roles(ClientRoles.CentralAuthority, ClientRoles.ContactPoint);
        Description(b => b.ProducesProblems(400, 401, 403));
        Summary(s =>
        {
            s.Summary = "List the caller's requests";
            s.Description = "Outgoing (the caller's State requests) and incoming (the caller's State is asked, once " +
                            "submitted), newest first. Filters combine; page with limit and the returned nextCursor.";
        });
    }

    public override async Task HandleAsync(ListRequestsRequest request, CancellationToken ct)
    {
        // Page<RequestResource> in the contract; written straight from the stored rows (RequestJson), or kept (KeptPages).
        var page = await mediator.Send(new ListRequestsQuery(this.Caller(), request), ct);
        if (page.Json is null) await HttpContext.Response.SendOkAsync(page.Written!, cancellation: ct);
        else await HttpContext.Response.SendJsonBytesAsync(page.Json, ct);
    }
}
