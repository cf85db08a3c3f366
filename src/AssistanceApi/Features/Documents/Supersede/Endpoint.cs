using AssistanceApi.Auth;
using AssistanceApi.Features.Requests;
using AssistanceApi.Http;
using FastEndpoints;

namespace AssistanceApi.Features.Documents.Supersede;

public sealed class Endpoint(IMediator mediator) : Endpoint<ReasonBody, DocumentView>
{
    public override void Configure()
    {
        Post("/requests/{id}/documents/{docId}/supersede");
        Roles(ClientRoles.CentralAuthority, ClientRoles.ContactPoint);
        Description(b => b.Produces<DocumentView>(200).ProducesProblems(400, 401, 403, 404, 409));
        Summary(s =>
        {
            s.Summary = "Mark a document superseded";
            s.Description = "Documents are never deleted (a legal record): the State that added one marks it superseded, with a reason, " +
                            "when it could add one like it. It stays listed and downloadable; the request's history records it.";
        });
    }

    public override async Task HandleAsync(ReasonBody body, CancellationToken ct) =>
        await Send.OkAsync(await mediator.Send(new SupersedeDocumentCommand(this.Caller(), this.RequestId(), this.DocumentId(), body.Reason!), ct), ct);
}
