using AssistanceApi.Auth;
using AssistanceApi.Persistence;
using Dapper;
using Mediator;

namespace AssistanceApi.Features.Webhooks.List;

public sealed record ListWebhooksQuery(Caller Caller, int Limit, string? After) : IQuery<Page<WebhookView>>;

public sealed class Handler(Database database) : IQueryHandler<ListWebhooksQuery, Page<WebhookView>>
{
    public async ValueTask<Page<WebhookView>> Handle(ListWebhooksQuery query, CancellationToken ct)
    {
        var after = GuidCursor.Parse(query.After);
        await using var connection = await database.OpenAsync(ct);
        var rows = (await connection.QueryAsync<WebhookView>(
            $"""
             SELECT {WebhookView.Columns} FROM webhook_subscriptions
             WHERE owner_state = @State AND owner_role = @Role {(after is null ? "" : "AND id > @after")}
             ORDER BY id LIMIT @take
             """,
            new { query.Caller.State, query.Caller.Role, after, take = query.Limit + 1 })).ToList();
        return Page<WebhookView>.From(rows, query.Limit, w => w.Id.ToString("D"));
    }
}
