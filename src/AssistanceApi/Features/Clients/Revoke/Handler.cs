using AssistanceApi.Audit;
using AssistanceApi.Auth;
using AssistanceApi.Http;
using AssistanceApi.Persistence;
using Dapper;
using Mediator;

namespace AssistanceApi.Features.Clients.Revoke;

/// <summary>Caller null: the operator at the server (clients revoke), who may revoke any client.</summary>
public sealed record RevokeClientCommand(Caller? Caller, Guid Id) : ICommand, IWriteCommand;

public sealed class Handler(UnitOfWork unit, AuditTrail audit, Database database, TimeProvider clock, KnownKeys known) : ICommandHandler<RevokeClientCommand>
{
    public async ValueTask<Unit> Handle(RevokeClientCommand command, CancellationToken ct)
    {
        var client = ClientRules.Visible(command.Caller, await FindAsync(command.Id)) ?? throw Problems.NotFound($"No client {command.Id}.");
        // Revoking again changes nothing and logs nothing.
        if (client.RevokedAt is not null) return Unit.Value;

        var log = AdminLogs.For(client.State);
        // Held until commit: two secretariat clients revoking each other at once cannot both succeed.
        await AdminLog.LockAsync(unit.Connection, unit.Transaction, database.Dialect, log);
        client = (await FindAsync(command.Id))!;
        if (client.RevokedAt is not null) return Unit.Value;
        var activeSecretariats = await unit.Connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM clients WHERE role = @role AND state IS NULL AND revoked_at IS NULL",
            new { role = ClientRoles.Secretariat }, unit.Transaction);
        ClientRules.MayRevoke(command.Caller, client, (int)activeSecretariats);

        await unit.Connection.ExecuteAsync(
            "UPDATE clients SET revoked_at = @now WHERE id = @id AND revoked_at IS NULL",
            new { id = command.Id, now = clock.Now() }, unit.Transaction);
        audit.RecordAdmin(log, AdminLogs.ClientRevoked, command.Id.ToString(), command.Caller, ClientView.LogDetails(client));
        unit.AfterCommit(known.ForgetAll);
        return Unit.Value;
    }

    private Task<ClientView?> FindAsync(Guid id) =>
        unit.Connection.QuerySingleOrDefaultAsync<ClientView>($"SELECT {ClientView.Columns} FROM clients WHERE id = @id", new { id }, unit.Transaction);
}
