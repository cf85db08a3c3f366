using AssistanceApi.Auth;
using AssistanceApi.Http;
using FastEndpoints;

namespace AssistanceApi.Features.Requests.History;

public sealed class Endpoint(IMediator mediator) : Endpoint<HistoryRequest, HistoryResponse>
{
    public override void Configure()
    {
        Get("/requests/{id}/history");
        Roles(ClientRoles.CentralAuthority, ClientRoles.ContactPoint);
        Description(b => b.ProducesProblems(400, 401, 403, 404));
        Summary(s =>
        {
            s.Summary = "The audit trail of a request";
            s.Description = "Every change in order, oldest first, paged with limit and nextCursor. Each event's hash is an HMAC-SHA256 " +
                            "under the server's chain key over the event, digests of the request before and after the change (and of a " +
                            "message event's message) and the hash before. chainValid judges the whole chain on every read, whichever page: an " +
                            "event changed, added or deleted outside the API, or content, progress or a message edited, makes it false, " +
                            "and chainError names the first event that fails (sequence) and why (reason).";
        });
    }

    public override async Task HandleAsync(HistoryRequest request, CancellationToken ct) =>
        await Send.OkAsync(await mediator.Send(new GetHistoryQuery(this.Caller(), this.RequestId(), request.Take, request.After), ct), ct);
}
