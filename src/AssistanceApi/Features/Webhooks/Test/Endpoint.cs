using AssistanceApi.Auth;
using AssistanceApi.Http;
using FastEndpoints;

namespace AssistanceApi.Features.Webhooks.Test;

public sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<DeliveryView>
{
    public override void Configure()
    {
        Post("/webhooks/{id}/test");
        Roles(WebhookRules.Roles);
        Description(b => b.Produces<DeliveryView>(202).ProducesProblems(400, 401, 403, 404, 409));
        Summary(s =>
        {
            s.Summary = "Send a webhook.test event to the subscription";
            s.Description = "Queues a delivery of a webhook.test event, signed and retried like any other; follow it in " +
                            "GET /webhooks/{id}/deliveries. A disabled subscription is 409: retry one of its deliveries to enable it.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.ResponseAsync(await mediator.Send(new TestWebhookCommand(Caller.Of(HttpContext), this.WebhookId()), ct), StatusCodes.Status202Accepted, ct);
}
