using AssistanceApi.Auth;
using AssistanceApi.Persistence;
using Dapper;
using Mediator;

namespace AssistanceApi.Features.Webhooks.Deliveries;

public sealed record ListDeliveriesQuery(Caller Caller, Guid Id, int Limit, string? Before) : IQuery<Page<DeliveryView>>;

public sealed class Handler(Database database) : IQueryHandler<ListDeliveriesQuery, Page<DeliveryView>>
{
    public async ValueTask<Page<DeliveryView>> Handle(ListDeliveriesQuery query, CancellationToken ct)
    {
        var before = GuidCursor.Parse(query.Before);
        await using var connection = await database.OpenAsync(ct);
        await using var snapshot = await database.BeginSnapshotAsync(connection, ct);
        await WebhookRules.VisibleAsync(connection, snapshot, query.Caller, query.Id);
        var rows = (await connection.QueryAsync<DeliveryView>(
            $"""
             SELECT {DeliveryView.Columns} FROM webhook_deliveries
             WHERE subscription_id = @Id {(before is null ? "" : "AND id < @before")}
             ORDER BY id DESC LIMIT @take
             """, new { query.Id, before, take = query.Limit + 1 }, snapshot)).ToList();
        var page = Page<DeliveryView>.From(rows, query.Limit, d => d.Id.ToString("D"));
        var ids = page.Items.Select(d => d.Id).ToList();
        if (ids.Count > 0)
        {
            var attempts = (await connection.QueryAsync<AttemptView>(
                $"""
                 SELECT delivery_id AS DeliveryId, attempt AS Attempt, at AS At, status_code AS StatusCode, duration_ms AS DurationMs, error AS Error
                 FROM webhook_attempts WHERE {database.Dialect.In("delivery_id", "ids")} ORDER BY attempt
                 """, new { ids }, snapshot)).ToLookup(a => a.DeliveryId);
            foreach (var delivery in page.Items) delivery.Attempts = attempts[delivery.Id].ToList();
        }
        return page;
    }
}
