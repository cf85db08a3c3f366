using AssistanceApi.Auth;
using AssistanceApi.Http;
using FastEndpoints;

namespace AssistanceApi.Features.Webhooks.List;

public sealed class Endpoint(IMediator mediator) : Endpoint<ListWebhooksRequest, Page<WebhookView>>
{
    public override void Configure()
    {
        Get("/webhooks");
        Roles(WebhookRules.Roles);
        Description(b => b.ProducesProblems(400, 401, 403));
        Summary(s =>
        {
            s.Summary = "List the webhook subscriptions of the caller's State and role";
            s.Description = "Every subscription a client of the caller's State and role created, oldest first; never a secret.";
        });
    }

    public override async Task HandleAsync(ListWebhooksRequest request, CancellationToken ct) =>
        await Send.OkAsync(await mediator.Send(new ListWebhooksQuery(Caller.Of(HttpContext), request.Take, request.After), ct), ct);
}
