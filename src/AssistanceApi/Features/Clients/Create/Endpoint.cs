using AssistanceApi.Auth;
using AssistanceApi.Http;
using FastEndpoints;

namespace AssistanceApi.Features.Clients.Create;

public sealed class Endpoint(IMediator mediator) : Endpoint<CreateClientBody, IssuedKey>
{
    public override void Configure()
    {
        Post("/clients");
        Roles(ClientRoles.Secretariat, ClientRoles.StateAdmin);
        Description(b => b.Produces<IssuedKey>(201).ProducesProblems(400, 401, 403));
        Summary(s =>
        {
            s.Summary = "Register a client and issue its key (state-admin; the secretariat: a State's first state-admin)";
            s.Description = "A client belongs to one State and has one role: central-authority, contact-point or state-admin. " +
                            "A state-admin issues keys for its own State only. The secretariat may only create a State's first state-admin, " +
                            "while the State has no active one; secretariat clients are created only by the server's CLI. Anything else is 403 " +
                            "with a code saying why. The key is in this response only; store it now. Only its prefix and hash are kept: a " +
                            "replay with the same Idempotency-Key returns the client without key and with keyShownOnce: true.";
            s.ExampleRequest = new CreateClientBody { State = "FRA", Role = ClientRoles.ContactPoint, Name = "France 24/7 contact point, OFAC" };
        });
    }

    public override async Task HandleAsync(CreateClientBody body, CancellationToken ct)
    {
        var issued = await mediator.Send(new CreateClientCommand(Caller.Of(HttpContext), body), ct);
        await Send.ResponseAsync(issued, StatusCodes.Status201Created, ct);
    }
}
