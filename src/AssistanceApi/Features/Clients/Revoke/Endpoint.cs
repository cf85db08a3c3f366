using AssistanceApi.Auth;
using AssistanceApi.Http;
using FastEndpoints;

namespace AssistanceApi.Features.Clients.Revoke;

public sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Delete("/clients/{id}");
        Roles(ClientRoles.Secretariat, ClientRoles.StateAdmin);
        Description(b => b.Produces(204).ProducesProblems(400, 401, 403, 404, 409));
        Summary(s =>
        {
            s.Summary = "Revoke a client's key at once (state-admin of the client's State, or the secretariat in an emergency)";
            s.Description = "The next call with that key gets 401. The client stays listed, with revokedAt. Another State's client is 404 " +
                            "to a state-admin; the secretariat cannot revoke its own client or the last active secretariat client (409).";
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await mediator.Send(new RevokeClientCommand(Caller.Of(HttpContext), this.ClientId()), ct);
        await Send.NoContentAsync(ct);
    }
}
