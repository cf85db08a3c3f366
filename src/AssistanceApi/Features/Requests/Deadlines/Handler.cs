using AssistanceApi.Auth;
using AssistanceApi.Domain;
using AssistanceApi.Domain.Events;
using AssistanceApi.Events;
using AssistanceApi.Persistence;
using Dapper;
using Mediator;

namespace AssistanceApi.Features.Requests.Deadlines;

/// <summary>
/// Announces what the passing of time did to requests: an acknowledgement overdue, a preservation ending soon, a
/// requested deadline passed. Each occurrence once, however many sweeps and instances find it: its event carries a
/// dedupe key (unique), written only if absent. A deadline further back than the event retention is not announced,
/// so an occurrence whose event the retention deleted is never announced twice.
/// </summary>
public sealed record AnnounceDeadlinesCommand : ICommand<int>, IWriteCommand;

public sealed class Handler(UnitOfWork unit, EventOutbox events, Database database, TimeProvider clock, EventOptions options)
    : ICommandHandler<AnnounceDeadlinesCommand, int>
{
    private static readonly string Submitted = SqlLiteral.In("r.status", RequestStatus.Submitted);
    private static readonly string Preserved = SqlLiteral.In("r.status", RequestStatus.Preserved);
    private static readonly string Open = SqlLiteral.NotIn("r.status", [.. Lifecycle.Terminal, RequestStatus.Draft]);

    public async ValueTask<int> Handle(AnnounceDeadlinesCommand command, CancellationToken ct)
    {
        var now = clock.Now();
        var horizon = now.AddDays(-options.RetentionDays);
        var soon = now.AddDays(options.ExpiringNoticeDays);
        var due = new List<OutboxEvent>();

        foreach (var row in await FindAsync($"{Submitted} AND r.acknowledge_by < @now AND r.acknowledge_by > @horizon", now, horizon, soon))
            due.Add(RequestEvents.Of(EventTypes.AcknowledgementOverdue, row, Caller.System, now, new { row.AcknowledgeBy },
                Key(EventTypes.AcknowledgementOverdue, row.Id, row.AcknowledgeBy)));
        foreach (var row in await FindAsync($"{Preserved} AND r.preserved_until >= @now AND r.preserved_until <= @soon", now, horizon, soon))
            due.Add(RequestEvents.Of(EventTypes.PreservationExpiring, row, Caller.System, now, new { row.PreservedUntil },
                Key(EventTypes.PreservationExpiring, row.Id, row.PreservedUntil)));
        foreach (var row in await FindAsync($"{Open} AND r.due_at < @now AND r.due_at > @horizon", now, horizon, soon))
            due.Add(RequestEvents.Of(EventTypes.DeadlinePassed, row, Caller.System, now, new { row.DueAt },
                Key(EventTypes.DeadlinePassed, row.Id, row.DueAt)));
        if (due.Count == 0) return 0;

        var announced = (await unit.Connection.QueryAsync<string>(
            $"SELECT dedupe_key FROM events WHERE {database.Dialect.In("dedupe_key", "keys")}",
            new { keys = due.Select(e => e.DedupeKey!).ToArray() }, unit.Transaction)).ToHashSet();
        var fresh = due.Where(e => !announced.Contains(e.DedupeKey!)).ToList();
        foreach (var added in fresh) events.Add(added);
        return fresh.Count;
    }

    /// <summary>One occurrence: the type, the request and the moment it is about (a preservation extended expires anew).</summary>
    private static string Key(EventType type, Guid requestId, DateTimeOffset? at) =>
        $"{type.Name}:{requestId:D}:{TypeHandlers.Format(at!.Value)}";

    private async Task<IEnumerable<RequestRecord>> FindAsync(string where, DateTimeOffset now, DateTimeOffset horizon, DateTimeOffset soon) =>
        await unit.Connection.QueryAsync<RequestRecord>(
            $"SELECT {RequestRecord.Columns} FROM requests r WHERE {where}", new { now, horizon, soon }, unit.Transaction);
}
