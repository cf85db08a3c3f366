using AssistanceApi.Audit;
using AssistanceApi.Auth;
using AssistanceApi.Persistence;
using Dapper;
using Mediator;

namespace AssistanceApi.Features.Clients.Create;

/// <summary>Caller null: the bootstrap command, run by whoever operates the server.</summary>
public sealed record CreateClientCommand(Caller? Caller, CreateClientBody Body) : ICommand<IssuedKey>, IWriteCommand;

public sealed class Handler(UnitOfWork unit, AuditTrail audit, Database database, TimeProvider clock) : ICommandHandler<CreateClientCommand, IssuedKey>
{
    public async ValueTask<IssuedKey> Handle(CreateClientCommand command, CancellationToken ct)
    {
        var body = command.Body;
        ClientRules.MayCreate(command.Caller, body);
        var log = AdminLogs.For(body.State);
        if (command.Caller?.Role == ClientRoles.Secretariat)
        {
            // Held until commit, so two secretariat calls cannot both create a "first" state-admin.
            await AdminLog.LockAsync(unit.Connection, unit.Transaction, database.Dialect, log);
            var admins = await unit.Connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM clients WHERE state = @State AND role = @role AND revoked_at IS NULL",
                new { body.State, role = ClientRoles.StateAdmin }, unit.Transaction);
            ClientRules.MayCreateFirstStateAdmin(command.Caller, body.State!, admins > 0);
        }

        var key = ApiKeys.Issue();
        var now = clock.Now();
        var id = Ids.Next(now);
        await unit.Connection.ExecuteAsync(
            """
            INSERT INTO clients (id, name, state, role, key_prefix, key_hash, created_at)
            VALUES (@id, @Name, @State, @Role, @prefix, @hash, @now)
            """,
            new { id, body.Name, body.State, body.Role, prefix = key.Prefix, hash = key.Hash, now }, unit.Transaction);

        var client = await unit.Connection.QuerySingleAsync<ClientView>(
            $"SELECT {ClientView.Columns} FROM clients WHERE id = @id", new { id }, unit.Transaction);
        audit.RecordAdmin(log, AdminLogs.ClientCreated, id.ToString(), command.Caller, ClientView.LogDetails(client));
        return new IssuedKey { Client = client, Key = key.Key };
    }
}
