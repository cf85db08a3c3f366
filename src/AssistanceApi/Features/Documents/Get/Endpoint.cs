using AssistanceApi.Auth;
using AssistanceApi.Features.Requests;
using AssistanceApi.Http;
using FastEndpoints;

namespace AssistanceApi.Features.Documents.Get;

public sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<DocumentView>
{
    public override void Configure()
    {
        Get("/requests/{id}/documents/{docId}");
        Roles(ClientRoles.CentralAuthority, ClientRoles.ContactPoint);
        Description(b => b.Produces<DocumentView>(200).ProducesProblems(400, 401, 403, 404));
        Summary(s => s.Summary = "Read a document's metadata (name, type, size, SHA-256, purpose, who added it)");
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.OkAsync(await mediator.Send(new GetDocumentQuery(this.Caller(), this.RequestId(), this.DocumentId()), ct), ct);
}
