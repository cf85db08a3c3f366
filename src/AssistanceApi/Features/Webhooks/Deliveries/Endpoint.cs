using AssistanceApi.Auth;
using AssistanceApi.Http;
using FastEndpoints;

namespace AssistanceApi.Features.Webhooks.Deliveries;

public sealed class Endpoint(IMediator mediator) : Endpoint<ListDeliveriesRequest, Page<DeliveryView>>
{
    public override void Configure()
    {
        Get("/webhooks/{id}/deliveries");
        Roles(WebhookRules.Roles);
        Description(b => b.ProducesProblems(400, 401, 403, 404));
        Summary(s =>
        {
            s.Summary = "List a webhook's deliveries, newest first, each with its attempts";
            s.Description = "Each delivery is one event (its webhook-id is eventId) with its status (pending, delivered, failed), " +
                            "next try, and every attempt: the receiver's status code, duration and error. Another State's or role's subscription is 404.";
        });
    }

    public override async Task HandleAsync(ListDeliveriesRequest request, CancellationToken ct) =>
        await Send.OkAsync(await mediator.Send(new ListDeliveriesQuery(Caller.Of(HttpContext), this.WebhookId(), request.Take, request.After), ct), ct);
}
