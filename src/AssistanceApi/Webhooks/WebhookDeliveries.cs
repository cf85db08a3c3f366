using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using AssistanceApi.Persistence;
using Dapper;

namespace AssistanceApi.Webhooks;

/// <summary>Deliveries are written here, by the dispatcher's fan-out and by a test request alike.</summary>
public static class WebhookDeliveries
{
    public const string Pending = "pending", Delivered = "delivered", Failed = "failed";

    /// <summary>What POST /webhooks/{id}/test sends: to that subscription only, never in the feed, whatever its types.</summary>
    public const string TestEventType = "webhook.test";

    /// <summary>A delivery the fan-out is about to write; <see cref="LockedUntil"/> set when its writer sends it itself.</summary>
    public sealed record NewDelivery(Guid Id, Guid SubscriptionId, Guid EventId, string EventType, long? Position, string Payload, DateTimeOffset? LockedUntil);

    /// <summary>
    /// Pending deliveries, due at once, each of one event to one subscription, in one statement (one statement a row
    /// cost the single writer more than the rows did). A second enqueue of the same event to the same subscription is
    /// ignored (the fan-out may repeat after a crash): one event, one delivery, one webhook-id. Returns the ids written.
    /// </summary>
    public static Task<HashSet<Guid>> EnqueueManyAsync(DbConnection connection, DbTransaction transaction, Dialect dialect,
        IReadOnlyList<NewDelivery> deliveries, DateTimeOffset now) =>
        deliveries.Count == 0 ? Task.FromResult(new HashSet<Guid>()) : InsertAsync(connection, transaction, dialect, Rows(deliveries), now);

    /// <summary>The deliveries as the one parameter of <see cref="InsertAsync"/>: built before the write, off the writer's thread.</summary>
    public static string Rows(IReadOnlyList<NewDelivery> deliveries) => JsonRowsParameter.Of(deliveries, static (w, d) =>
    {
        w.WriteString("id", d.Id);
        w.WriteString("subscription_id", d.SubscriptionId);
        w.WriteString("event_id", d.EventId);
        w.WriteString("event_type", d.EventType);
        if (d.Position is { } position) w.WriteNumber("event_position", position);
        else w.WriteNull("event_position");
        w.WriteString("payload", d.Payload);
        w.WriteTimestamp("locked_until", d.LockedUntil);
    });

    /// <summary>Writes the <see cref="Rows"/>; returns the ids written (a delivery already there is left as it is).</summary>
    public static async Task<HashSet<Guid>> InsertAsync(DbConnection connection, DbTransaction transaction, Dialect dialect, string rows, DateTimeOffset now)
    {
        var sql = dialect.Provider == DatabaseProvider.Postgres ? EnqueueManyPostgres : EnqueueManySqlite;
        return (await connection.QueryAsync<Guid>(sql, new { rows, now }, transaction)).ToHashSet();
    }

    private static string EnqueueManySql(Dialect dialect) =>
        $"""
         INSERT INTO webhook_deliveries (id, subscription_id, event_id, event_type, event_position, payload, status, next_attempt_at, locked_until, created_at)
         SELECT r.id, r.subscription_id, r.event_id, r.event_type, r.event_position, r.payload, 'pending', @now, r.locked_until, @now
         FROM {dialect.JsonRows("rows", "r", ("id", "uuid"), ("subscription_id", "uuid"), ("event_id", "uuid"), ("event_type", "text"),
             ("event_position", "bigint"), ("payload", "text"), ("locked_until", "timestamptz"))}
         WHERE true -- SQLite parses ON CONFLICT after INSERT … SELECT only when the SELECT has a WHERE
         ON CONFLICT (subscription_id, event_id) DO NOTHING
         RETURNING id
         """;

    private static readonly string EnqueueManySqlite = EnqueueManySql(new Dialect(DatabaseProvider.Sqlite));
    private static readonly string EnqueueManyPostgres = EnqueueManySql(new Dialect(DatabaseProvider.Postgres));

    /// <summary>The body of a delivery: the event's thin shape (what happened, never a request's content).</summary>
    public static string Payload(Guid eventId, string type, DateTimeOffset occurredAt, string? actorState, string? actorRole, JsonNode? data,
        RequestFields? request = null)
    {
        var body = new JsonObject
        {
            ["id"] = eventId.ToString("D"),
            ["type"] = type,
            ["occurredAt"] = occurredAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture),
        };
        if (request is not null)
        {
            body["requestId"] = request.RequestId.ToString("D");
            body["reference"] = request.Reference;
            body["requestingState"] = request.RequestingState;
            body["requestedState"] = request.RequestedState;
            body["status"] = request.Status;
        }
        body["actor"] = new JsonObject { ["state"] = actorState, ["role"] = actorRole };
        body["data"] = data ?? new JsonObject();
        return body.ToJsonString(JsonOptions);
    }

    public sealed record RequestFields(Guid RequestId, string? Reference, string? RequestingState, string? RequestedState, string? Status);

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = false };
}
