using AssistanceApi.Auth;
using AssistanceApi.Features.Requests;
using AssistanceApi.Http;
using FastEndpoints;

namespace AssistanceApi.Features.Documents.List;

public sealed class ListDocumentsRequest : PageQuery;

public sealed class ListDocumentsValidator : Validator<ListDocumentsRequest>
{
    public ListDocumentsValidator() => Include(new PageQueryValidator());
}

public sealed class Endpoint(IMediator mediator) : Endpoint<ListDocumentsRequest, Page<DocumentView>>
{
    public override void Configure()
    {
        Get("/requests/{id}/documents");
        Roles(ClientRoles.CentralAuthority, ClientRoles.ContactPoint);
        Description(b => b.ProducesProblems(400, 401, 403, 404));
        Summary(s =>
        {
            s.Summary = "List the documents of a request";
            s.Description = "Oldest first, superseded ones included (they are marked); page with limit and nextCursor.";
        });
    }

    public override async Task HandleAsync(ListDocumentsRequest request, CancellationToken ct) =>
        await Send.OkAsync(await mediator.Send(new ListDocumentsQuery(this.Caller(), this.RequestId(), request.Take, request.After), ct), ct);
}
