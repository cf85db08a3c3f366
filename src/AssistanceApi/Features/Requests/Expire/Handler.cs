using AssistanceApi.Audit;
using AssistanceApi.Auth;
using AssistanceApi.Persistence;
using Dapper;
using Mediator;

namespace AssistanceApi.Features.Requests.Expire;

/// <summary>Persists what reads already show: preservations whose period passed with no follow-up pending are expired.</summary>
public sealed record ExpirePreservationsCommand : ICommand<int>, IWriteCommand;

public sealed class Handler(UnitOfWork unit, AuditTrail audit, TimeProvider clock) : ICommandHandler<ExpirePreservationsCommand, int>
{
    public async ValueTask<int> Handle(ExpirePreservationsCommand command, CancellationToken ct)
    {
        var now = clock.Now();
        var lapsed = (await unit.Connection.QueryAsync<Guid>(
            $"SELECT r.id FROM requests r WHERE {PreservationClock.Lapsed}", new { now }, unit.Transaction)).ToList();
        foreach (var id in lapsed)
        {
            await audit.BeforeChangeAsync(id);
            await unit.Connection.ExecuteAsync(
                "UPDATE requests SET status = 'expired', version = version + 1, updated_at = @now, closed_at = preserved_until WHERE id = @id",
                new { id, now }, unit.Transaction);
            audit.Record(id, "expire", Caller.System, "preserved", "expired");
        }
        return lapsed.Count;
    }
}
