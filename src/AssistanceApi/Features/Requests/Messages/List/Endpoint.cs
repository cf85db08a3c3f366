using AssistanceApi.Auth;
using AssistanceApi.Http;
using FastEndpoints;

namespace AssistanceApi.Features.Requests.Messages.List;

public sealed class Endpoint(IMediator mediator) : Endpoint<ListMessagesRequest, Page<Message>>
{
    public override void Configure()
    {
        Get("/requests/{id}/messages");
        Roles(ClientRoles.CentralAuthority, ClientRoles.ContactPoint);
        Description(b => b.ProducesProblems(400, 401, 403, 404));
        Summary(s =>
        {
            s.Summary = "Read the correspondence on a request";
            s.Description = "Oldest first; page with limit and nextCursor.";
        });
    }

    public override async Task HandleAsync(ListMessagesRequest request, CancellationToken ct) =>
        await Send.OkAsync(await mediator.Send(new ListMessagesQuery(this.Caller(), this.RequestId(), request.Take, request.After), ct), ct);
}
