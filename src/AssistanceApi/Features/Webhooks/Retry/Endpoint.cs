using AssistanceApi.Auth;
using AssistanceApi.Http;
using FastEndpoints;

namespace AssistanceApi.Features.Webhooks.Retry;

public sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<DeliveryView>
{
    public override void Configure()
    {
        Post("/webhooks/{id}/deliveries/{deliveryId}/retry");
        Roles(WebhookRules.Roles);
        Description(b => b.Produces<DeliveryView>(202).ProducesProblems(400, 401, 403, 404));
        Summary(s =>
        {
            s.Summary = "Attempt a delivery again now";
            s.Description = "The delivery is due at once, with the same webhook-id; a delivered one is sent again (receivers " +
                            "deduplicate by webhook-id). On a disabled subscription this enables it again: the owner says the receiver is back. " +
                            "Another State's or role's subscription, or a delivery not of this subscription, is 404.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.ResponseAsync(await mediator.Send(new RetryDeliveryCommand(Caller.Of(HttpContext), this.WebhookId(), this.DeliveryId()), ct),
            StatusCodes.Status202Accepted, ct);
}
