using AssistanceApi.Audit;
using AssistanceApi.Auth;
using AssistanceApi.Persistence;
using Dapper;
using Mediator;

namespace AssistanceApi.Features.Clients.Create;

/// <summary>Caller null: the bootstrap command, run by whoever operates the server.</summary>
public sealed record CreateClientCommand(Caller? Caller, CreateClientBody Body) : ICommand<IssuedKey>, IWriteCommand;

public sealed class Handler(UnitOfWork unit, AuditTrail audit, TimeProvider clock) : ICommandHandler<CreateClientCommand, IssuedKey>
{
    public async ValueTask<IssuedKey> Handle(CreateClientCommand command, CancellationToken ct)
    {
        var body = command.Body;
        var key = ApiKeys.Issue();
        var now = clock.Now();
        var id = Ids.Next(now);
        await unit.Connection.ExecuteAsync(
            """
            INSERT INTO clients (id, name, state, role, key_prefix, key_hash, created_at)
            VALUES (@id, @Name, @State, @Role, @prefix, @hash, @now)
            """,
            new { id, body.Name, body.State, body.Role, prefix = key.Prefix, hash = key.Hash, now }, unit.Transaction);
        audit.RecordAdmin("create-client", id.ToString(), command.Caller, new { body.Name, body.State, body.Role, keyPrefix = key.Prefix });

        var client = await unit.Connection.QuerySingleAsync<ClientView>(
            $"SELECT {ClientView.Columns} FROM clients WHERE id = @id", new { id }, unit.Transaction);
        return new IssuedKey { Client = client, Key = key.Key };
    }
}
