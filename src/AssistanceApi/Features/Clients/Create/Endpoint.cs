using AssistanceApi.Auth;
using AssistanceApi.Host;
using FastEndpoints;

namespace AssistanceApi.Features.Clients.Create;

public sealed class Endpoint(IMediator mediator) : Endpoint<CreateClientBody, IssuedKey>
{
    public override void Configure()
    {
        Post("/clients");
        Roles(ClientRoles.Secretariat);
        Description(b => b.Produces<IssuedKey>(201).ProducesProblems(400, 401, 403));
        Summary(s =>
        {
            s.Summary = "Register a client and issue its key (secretariat)";
            s.Description = "A client belongs to one State and has one role: central-authority, contact-point or secretariat " +
                            "(no State). The key is in this response only; store it now. Only its hash is kept.";
        });
    }

    public override async Task HandleAsync(CreateClientBody body, CancellationToken ct)
    {
        var issued = await mediator.Send(new CreateClientCommand(Caller.From(User), body), ct);
        await Send.ResponseAsync(issued, StatusCodes.Status201Created, ct);
    }
}
