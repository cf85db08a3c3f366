using AssistanceApi.Audit;
using AssistanceApi.Auth;
using AssistanceApi.Host;
using AssistanceApi.Persistence;
using Dapper;
using Mediator;

namespace AssistanceApi.Features.Clients.Revoke;

public sealed record RevokeClientCommand(Caller Caller, Guid Id) : ICommand, IWriteCommand;

public sealed class Handler(UnitOfWork unit, AuditTrail audit, TimeProvider clock, KnownKeys known) : ICommandHandler<RevokeClientCommand>
{
    public async ValueTask<Unit> Handle(RevokeClientCommand command, CancellationToken ct)
    {
        var changed = await unit.Connection.ExecuteAsync(
            "UPDATE clients SET revoked_at = COALESCE(revoked_at, @now) WHERE id = @id",
            new { id = command.Id, now = clock.Now() }, unit.Transaction);
        if (changed == 0) throw Problems.NotFound($"No client {command.Id}.");
        audit.RecordAdmin("revoke-client", command.Id.ToString(), command.Caller);
        unit.AfterCommit(known.ForgetAll);
        return Unit.Value;
    }
}
