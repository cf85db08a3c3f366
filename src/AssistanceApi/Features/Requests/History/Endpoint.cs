using AssistanceApi.Auth;
using AssistanceApi.Host;
using FastEndpoints;

namespace AssistanceApi.Features.Requests.History;

public sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<HistoryResponse>
{
    public override void Configure()
    {
        Get("/requests/{id}/history");
        Roles(ClientRoles.CentralAuthority, ClientRoles.ContactPoint);
        Description(b => b.ProducesProblems(400, 401, 403, 404));
        Summary(s =>
        {
            s.Summary = "The audit trail of a request";
            s.Description = "Every change in order, each event hashed (SHA-256) with the hash before it. chainValid is " +
                            "recomputed on every read: an event altered outside the API makes it false.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.OkAsync(await mediator.Send(new GetHistoryQuery(this.Caller(), this.RequestId()), ct), ct);
}
