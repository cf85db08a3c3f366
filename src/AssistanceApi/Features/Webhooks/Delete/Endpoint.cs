using AssistanceApi.Auth;
using AssistanceApi.Http;
using FastEndpoints;

namespace AssistanceApi.Features.Webhooks.Delete;

public sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Delete("/webhooks/{id}");
        Roles(WebhookRules.Roles);
        Description(b => b.Produces(204).ProducesProblems(400, 401, 403, 404));
        Summary(s =>
        {
            s.Summary = "Delete a webhook subscription";
            s.Description = "Nothing more is delivered to it, and its deliveries and their attempts are deleted with it. " +
                            "Another State's or another role's subscription is 404.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await mediator.Send(new DeleteWebhookCommand(Caller.Of(HttpContext), this.WebhookId()), ct);
        await Send.NoContentAsync(ct);
    }
}
