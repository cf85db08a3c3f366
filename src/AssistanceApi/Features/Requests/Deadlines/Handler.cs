using AssistanceApi.Auth;
using AssistanceApi.Domain;
using AssistanceApi.Domain.Events;
using AssistanceApi.Events;
using AssistanceApi.Persistence;
using Dapper;
using Mediator;

namespace AssistanceApi.Features.Requests.Deadlines;

/// <summary>
/// What the passing of time did to requests and has not been announced: an acknowledgement overdue, a preservation
/// ending soon, a requested deadline passed. Read outside the write path (on SQLite the one writer never waits for the
/// scan). A deadline further back than the event retention is not looked at, so an occurrence whose event the
/// retention deleted is never announced twice.
/// </summary>
public sealed record FindDueDeadlinesQuery : IQuery<IReadOnlyList<OutboxEvent>>;

/// <summary>
/// Announces them. Each occurrence once, however many sweeps and instances find it: its event carries a dedupe key
/// (unique) and is written only if absent, so a second sweep racing this one writes nothing.
/// </summary>
public sealed record AnnounceDeadlinesCommand(IReadOnlyList<OutboxEvent> Due) : ICommand<int>, IWriteCommand;

public sealed class FindHandler(Database database, TimeProvider clock, EventOptions options) : IQueryHandler<FindDueDeadlinesQuery, IReadOnlyList<OutboxEvent>>
{
    private static readonly string Submitted = SqlLiteral.In("r.status", RequestStatus.Submitted);
    private static readonly string Preserved = SqlLiteral.In("r.status", RequestStatus.Preserved);
    private static readonly string Open = SqlLiteral.NotIn("r.status", [.. Lifecycle.Terminal, RequestStatus.Draft]);

    public async ValueTask<IReadOnlyList<OutboxEvent>> Handle(FindDueDeadlinesQuery query, CancellationToken ct)
    {
        var now = clock.Now();
        var window = new { now, horizon = now.AddDays(-options.RetentionDays), soon = now.AddDays(options.ExpiringNoticeDays) };
        await using var connection = await database.OpenAsync(ct);
        var due = new List<OutboxEvent>();

        foreach (var row in await FindAsync(connection, $"{Submitted} AND r.acknowledge_by < @now AND r.acknowledge_by > @horizon", window, ct))
            due.Add(Due(EventTypes.AcknowledgementOverdue, row, now, row.AcknowledgeBy, new { row.AcknowledgeBy }));
        foreach (var row in await FindAsync(connection, $"{Preserved} AND r.preserved_until >= @now AND r.preserved_until <= @soon", window, ct))
            due.Add(Due(EventTypes.PreservationExpiring, row, now, row.PreservedUntil, new { row.PreservedUntil }));
        foreach (var row in await FindAsync(connection, $"{Open} AND r.due_at < @now AND r.due_at > @horizon", window, ct))
            due.Add(Due(EventTypes.DeadlinePassed, row, now, row.DueAt, new { row.DueAt }));
        if (due.Count == 0) return due;

        var announced = (await connection.QueryAsync<string>(new CommandDefinition(
            AnnouncedSql(database.Dialect),
            new { keys = due.Select(e => e.DedupeKey!).ToArray() }, cancellationToken: ct))).ToHashSet();
        return due.Where(e => !announced.Contains(e.DedupeKey!)).ToList();
    }

    /// <summary>The dedupe keys of <c>@keys</c> already in the outbox; public so a test can read its plan.</summary>
    public static string AnnouncedSql(Dialect dialect) => $"SELECT dedupe_key FROM events WHERE {dialect.In("dedupe_key", "keys")}";

    /// <summary>One occurrence is the type, the request and the moment it is about (a preservation extended expires anew).</summary>
    private static OutboxEvent Due(EventType type, RequestRecord row, DateTimeOffset now, DateTimeOffset? about, object data) =>
        RequestEvents.Of(type, row, Caller.System, now, data, $"{type.Name}:{row.Id:D}:{TypeHandlers.Format(about!.Value)}");

    private static Task<IEnumerable<RequestRecord>> FindAsync(System.Data.Common.DbConnection connection, string where, object window, CancellationToken ct) =>
        connection.QueryAsync<RequestRecord>(new CommandDefinition(
            $"SELECT {RequestRecord.Columns} FROM requests r WHERE {where}", window, cancellationToken: ct));
}

public sealed class AnnounceHandler(EventOutbox events) : ICommandHandler<AnnounceDeadlinesCommand, int>
{
    public ValueTask<int> Handle(AnnounceDeadlinesCommand command, CancellationToken ct)
    {
        foreach (var due in command.Due) events.Add(due);
        return ValueTask.FromResult(command.Due.Count);
    }
}
