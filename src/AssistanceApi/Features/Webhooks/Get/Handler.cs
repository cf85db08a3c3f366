using AssistanceApi.Auth;
using AssistanceApi.Persistence;
using Mediator;

namespace AssistanceApi.Features.Webhooks.Get;

public sealed record GetWebhookQuery(Caller Caller, Guid Id) : IQuery<WebhookView>;

public sealed class Handler(Database database) : IQueryHandler<GetWebhookQuery, WebhookView>
{
    public async ValueTask<WebhookView> Handle(GetWebhookQuery query, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await WebhookRules.VisibleAsync(connection, null, query.Caller, query.Id));
    }
}
