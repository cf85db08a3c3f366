using AssistanceApi.Audit;
using AssistanceApi.Auth;
using AssistanceApi.Host;
using AssistanceApi.Persistence;
using Dapper;
using Mediator;

namespace AssistanceApi.Features.Clients.Rotate;

public sealed record RotateKeyCommand(Caller Caller, Guid Id) : ICommand<IssuedKey>, IWriteCommand;

public sealed class Handler(UnitOfWork unit, AuditTrail audit, KnownKeys known) : ICommandHandler<RotateKeyCommand, IssuedKey>
{
    public async ValueTask<IssuedKey> Handle(RotateKeyCommand command, CancellationToken ct)
    {
        var client = await unit.Connection.QuerySingleOrDefaultAsync<ClientView>(
            $"SELECT {ClientView.Columns} FROM clients WHERE id = @id", new { id = command.Id }, unit.Transaction)
            ?? throw Problems.NotFound($"No client {command.Id}.");
        if (client.RevokedAt is not null)
            throw Problems.Conflict("client-revoked", "A revoked client gets no new key: register a new client.", []);

        var key = ApiKeys.Issue();
        await unit.Connection.ExecuteAsync(
            "UPDATE clients SET key_prefix = @prefix, key_hash = @hash WHERE id = @id",
            new { id = command.Id, prefix = key.Prefix, hash = key.Hash }, unit.Transaction);
        audit.RecordAdmin("rotate-key", command.Id.ToString(), command.Caller, new { keyPrefix = key.Prefix });
        unit.AfterCommit(known.ForgetAll);

        var rotated = await unit.Connection.QuerySingleAsync<ClientView>(
            $"SELECT {ClientView.Columns} FROM clients WHERE id = @id", new { id = command.Id }, unit.Transaction);
        return new IssuedKey { Client = rotated, Key = key.Key };
    }
}
