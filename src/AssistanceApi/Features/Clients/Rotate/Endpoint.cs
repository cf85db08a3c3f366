using AssistanceApi.Auth;
using AssistanceApi.Http;
using FastEndpoints;

namespace AssistanceApi.Features.Clients.Rotate;

public sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<IssuedKey>
{
    public override void Configure()
    {
        Post("/clients/{id}/rotate");
        Roles(ClientRoles.Secretariat, ClientRoles.StateAdmin);
        Description(b => b.ProducesProblems(400, 401, 403, 404, 409));
        Summary(s =>
        {
            s.Summary = "Issue a new key, revoking the old one (state-admin of the client's State)";
            s.Description = "The old key stops working at once; the new key is in this response only (a replay with the same " +
                            "Idempotency-Key has keyShownOnce: true and no key). Another State's client is 404; the secretariat gets 403.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.OkAsync(await mediator.Send(new RotateKeyCommand(Caller.Of(HttpContext), this.ClientId()), ct), ct);
}
