using AssistanceApi.Auth;
using AssistanceApi.Features.Requests;
using AssistanceApi.Http;
using FastEndpoints;

namespace AssistanceApi.Features.Documents.Custody;

public sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<CustodyLogView>
{
    public override void Configure()
    {
        Get("/requests/{id}/documents/{docId}/custody");
        Roles(ClientRoles.CentralAuthority, ClientRoles.ContactPoint);
        Description(b => b.Produces<CustodyLogView>(200).ProducesProblems(400, 401, 403, 404));
        Summary(s =>
        {
            s.Summary = "Read a document's chain of custody";
            s.Description = "Every upload, download and supersession, oldest first: who (State, role, client), when, what, the SHA-256; " +
                            "hash-chained and keyed like the audit trail (chainValid).";
        });
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.OkAsync(await mediator.Send(new ReadCustodyQuery(this.Caller(), this.RequestId(), this.DocumentId()), ct), ct);
}
