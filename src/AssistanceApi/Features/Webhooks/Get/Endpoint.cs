using AssistanceApi.Auth;
using AssistanceApi.Http;
using FastEndpoints;

namespace AssistanceApi.Features.Webhooks.Get;

public sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<WebhookView>
{
    public override void Configure()
    {
        Get("/webhooks/{id}");
        Roles(WebhookRules.Roles);
        Description(b => b.ProducesProblems(400, 401, 403, 404));
        Summary(s =>
        {
            s.Summary = "Read one webhook subscription";
            s.Description = "Another State's or another role's subscription is 404. The secret is never shown again.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.OkAsync(await mediator.Send(new GetWebhookQuery(Caller.Of(HttpContext), this.WebhookId()), ct), ct);
}
