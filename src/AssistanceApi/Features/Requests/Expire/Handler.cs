using AssistanceApi.Domain;
using AssistanceApi.Persistence;
using Dapper;
using Mediator;

namespace AssistanceApi.Features.Requests.Expire;

/// <summary>Persists what reads already show: preservations whose period passed with no follow-up pending are expired.</summary>
public sealed record ExpirePreservationsCommand : ICommand<int>, IWriteCommand;

public sealed class Handler(UnitOfWork unit, RequestStore store) : ICommandHandler<ExpirePreservationsCommand, int>
{
    public async ValueTask<int> Handle(ExpirePreservationsCommand command, CancellationToken ct)
    {
        var lapsed = await unit.Connection.QueryAsync<Guid>(
            $"SELECT r.id FROM requests r WHERE {PreservationClock.Lapsed}", new { now = store.Now }, unit.Transaction);
        var expired = 0;
        foreach (var id in lapsed.ToList())
        {
            // Locked and read again: a request changed since the query above is left to the next sweep.
            if (await store.LoadForSystemAsync(id) is not { } stored || stored.Request.Expire(stored.Context) is not RequestChange change) continue;
            await store.WriteAsync(stored, change);
            expired++;
        }
        return expired;
    }
}
