using AssistanceApi.Auth;
using AssistanceApi.Http;
using FastEndpoints;

namespace AssistanceApi.Features.Webhooks.RotateSecret;

public sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<IssuedSecret>
{
    public override void Configure()
    {
        Post("/webhooks/{id}/rotate-secret");
        Roles(WebhookRules.Roles);
        Description(b => b.Produces<IssuedSecret>(200).ProducesProblems(400, 401, 403, 404));
        Summary(s =>
        {
            s.Summary = "Replace a webhook's signing secret";
            s.Description = "The new secret is in this response only (a replay with the same Idempotency-Key has secretShownOnce: true " +
                            "and no secret). Until previousSecretSignsUntil (Webhooks:RotationOverlapHours, default 24) every attempt carries " +
                            "a signature under the new secret and one under the secret replaced, so the receiver may switch at any time in " +
                            "between; after it, the new secret alone signs. Another State's or role's subscription is 404.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.OkAsync(await mediator.Send(new RotateWebhookSecretCommand(Caller.Of(HttpContext), this.WebhookId()), ct), ct);
}
