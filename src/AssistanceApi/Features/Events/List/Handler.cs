using System.Text.Json;
using AssistanceApi.Auth;
using AssistanceApi.Events;
using AssistanceApi.Http;
using AssistanceApi.Persistence;
using Dapper;
using Mediator;

namespace AssistanceApi.Features.Events.List;

/// <summary>After: a position, 0 for the start. Types null: every type.</summary>
public sealed record ListEventsQuery(Caller Caller, long After, IReadOnlyList<string>? Types, int Limit) : IQuery<EventPage>;

/// <summary>
/// Serves positioned events only, by position (ADR 0007): a position is given to committed events in commit order, so
/// a reader following the cursor never sees a lower one appear later. What the caller may not see is filtered in SQL.
/// </summary>
public sealed class Handler(Database database, FeedCursor cursors) : IQueryHandler<ListEventsQuery, EventPage>
{
    public async ValueTask<EventPage> Handle(ListEventsQuery query, CancellationToken ct)
    {
        var (state, audience) = EventVisibilitySql.Parameters(query.Caller);
        var types = query.Types is null ? "" : " AND " + database.Dialect.In("type", "types");
        await using var connection = await database.OpenAsync(ct);
        await using var snapshot = await database.BeginSnapshotAsync(connection, ct);
        if (query.After > 0)
        {
            // Positions have no gaps: a missing successor of the cursor was deleted by the retention sweep.
            var oldest = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                "SELECT MIN(position) FROM events WHERE position IS NOT NULL", transaction: snapshot, cancellationToken: ct));
            if (oldest > query.After + 1)
                throw CursorExpired("The cursor is older than the feed's retention",
                    "Events after this cursor were deleted when they passed the retention period (Events:RetentionDays). ");
        }
        var rows = (await connection.QueryAsync<StoredEvent>(new CommandDefinition(
            $"""
             SELECT {StoredEvent.Columns} FROM events
             WHERE position > @after AND {EventVisibilitySql.For(query.Caller)}{types}
             ORDER BY position LIMIT @limit
             """,
            new { after = query.After, state, audience, types = query.Types?.ToArray(), limit = query.Limit }, snapshot, cancellationToken: ct))).ToList();
        return new EventPage
        {
            Items = rows.Select(ToItem).ToList(),
            NextCursor = rows.Count > 0 ? cursors.Encode(rows[^1].Position) : query.After > 0 ? cursors.Encode(query.After) : null,
        };
    }

    /// <summary>The feed cannot go on from this cursor: the client starts again, as the detail says.</summary>
    public static ApiProblemException CursorExpired(string title, string why) => new(new Problem
    {
        Title = title,
        Status = 410,
        Type = Problems.TypeFor("cursor-expired"),
        Detail = why + "Start again without 'after', and reconcile by reading the requests themselves.",
    });

    private static EventItem ToItem(StoredEvent e) => new()
    {
        Id = e.Id, Type = e.Type, OccurredAt = e.OccurredAt, RequestId = e.RequestId, Reference = e.Reference, RequestingState = e.RequestingState,
        RequestedState = e.RequestedState, Status = e.Status, Actor = new EventActor { State = e.ActorState, Role = e.ActorRole ?? "" },
        Data = JsonDocument.Parse(e.Data).RootElement.Clone(),
    };
}
