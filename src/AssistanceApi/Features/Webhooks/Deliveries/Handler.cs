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
        var rows = (await connection.QueryAsync<DeliveryView>(PageSql(before is not null), new { query.Id, before, take = query.Limit + 1 }, snapshot))
            .ToList();
        var page = Page<DeliveryView>.From(rows, query.Limit, d => d.EventId.ToString("D"));
        if (page.Items.Count > 0)
        {
            var attempts = (await connection.QueryAsync<AttemptView>(
                $"""
                SELECT {AttemptView.Columns}
                FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id
                WHERE d.subscription_id = @Id AND d.event_id >= @first AND d.event_id <= @last ORDER BY a.attempt
                """, new { query.Id, first = page.Items[^1].EventId, last = page.Items[0].EventId }, snapshot)).ToLookup(a => a.DeliveryId);
            foreach (var delivery in page.Items) delivery.Earlier = attempts[delivery.Id].ToList();
        }
        return page;
    }

    /// <summary>Newest event first, on the (subscription_id, event_id) key; the cursor is the last event's id.</summary>
    public static string PageSql(bool withCursor) =>
        $"""
         SELECT {DeliveryView.Columns} FROM webhook_deliveries
         WHERE subscription_id = @Id {(withCursor ? "AND event_id < @before" : "")}
         ORDER BY event_id DESC LIMIT @take
         """;
}
