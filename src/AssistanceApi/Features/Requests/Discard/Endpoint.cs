using AssistanceApi.Auth;
using AssistanceApi.Http;
using FastEndpoints;

namespace AssistanceApi.Features.Requests.Discard;

public sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Delete("/requests/{id}");
        Roles(ClientRoles.CentralAuthority, ClientRoles.ContactPoint);
        Description(b => b.Produces(204).ProducesProblems(400, 401, 403, 404, 409, 412));
        Summary(s =>
        {
            s.Summary = "Discard a draft";
            s.Description = "Only drafts; a submitted request is withdrawn instead. The draft and its history are kept " +
                            "for the audit trail but are visible to nobody from then on.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await mediator.Send(new DiscardRequestCommand(this.Target()), ct);
        await Send.NoContentAsync(ct);
    }
}
