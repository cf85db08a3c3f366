using AssistanceApi.Auth;
using AssistanceApi.Http;
using FastEndpoints;

namespace AssistanceApi.Features.Webhooks.Create;

public sealed class Endpoint(IMediator mediator) : Endpoint<CreateWebhookBody, IssuedSecret>
{
    public override void Configure()
    {
        Post("/webhooks");
        Roles(WebhookRules.Roles);
        Description(b => b.Produces<IssuedSecret>(201).ProducesProblems(400, 401, 403));
        Summary(s =>
        {
            s.Summary = "Subscribe a URL to events (central-authority, contact-point, state-admin)";
            s.Description = "Events the caller's State and role may see are POSTed to the URL, signed by the Standard Webhooks " +
                            "specification (webhook-id, webhook-timestamp, webhook-signature: v1,<base64 HMAC-SHA256 of " +
                            "\"{id}.{timestamp}.{body}\">) with the secret in this response, shown once: a replay with the same " +
                            "Idempotency-Key returns the subscription without it and with secretShownOnce: true. The subscription " +
                            "belongs to the caller's State and role: every client of both may manage it. Outside Development the URL " +
                            "is https and may not reach a loopback, private, link-local or metadata address, checked again at each delivery. " +
                            "Each delivery's body is a WebhookEvent (see components/schemas); answer 2xx within 10 s, else it is retried " +
                            "(default after 5 s, 5 min, 30 min, 2 h, 8 h, 24 h) and then the subscription is disabled.";
            s.ExampleRequest = new CreateWebhookBody
            {
                Url = "https://cms.example.org/uncc/events", Types = ["request.submitted", "request.acknowledged"],
                Description = "Case-management system of the central authority",
            };
        });
    }

    public override async Task HandleAsync(CreateWebhookBody body, CancellationToken ct)
    {
        var issued = await mediator.Send(new CreateWebhookCommand(Caller.Of(HttpContext), body), ct);
        await Send.ResponseAsync(issued, StatusCodes.Status201Created, ct);
    }
}
