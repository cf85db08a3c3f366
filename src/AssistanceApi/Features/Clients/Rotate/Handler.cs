using AssistanceApi.Audit;
using AssistanceApi.Auth;
using AssistanceApi.Http;
using AssistanceApi.Persistence;
using Dapper;
using Mediator;

namespace AssistanceApi.Features.Clients.Rotate;

public sealed record RotateKeyCommand(Caller Caller, Guid Id) : ICommand<IssuedKey>, IWriteCommand;

public sealed class Handler(UnitOfWork unit, AuditTrail audit, KnownKeys known) : ICommandHandler<RotateKeyCommand, IssuedKey>
{
    public async ValueTask<IssuedKey> Handle(RotateKeyCommand command, CancellationToken ct)
    {
        var client = ClientRules.Visible(command.Caller, await unit.Connection.QuerySingleOrDefaultAsync<ClientView>(
                $"SELECT {ClientView.Columns} FROM clients WHERE id = @id", new { id = command.Id }, unit.Transaction))
            ?? throw Problems.NotFound($"No client {command.Id}.");
        ClientRules.MayRotate(command.Caller);
        if (client.RevokedAt is not null)
            throw Problems.Conflict("client-revoked", "A revoked client gets no new key: register a new client.", []);

        var key = ApiKeys.Issue();
        await unit.Connection.ExecuteAsync(
            "UPDATE clients SET key_prefix = @prefix, key_hash = @hash WHERE id = @id",
            new { id = command.Id, prefix = key.Prefix, hash = key.Hash }, unit.Transaction);
        unit.AfterCommit(known.ForgetAll);

        var rotated = await unit.Connection.QuerySingleAsync<ClientView>(
            $"SELECT {ClientView.Columns} FROM clients WHERE id = @id", new { id = command.Id }, unit.Transaction);
        audit.RecordAdmin(AdminLogs.For(rotated.State), AdminLogs.ClientRotated, command.Id.ToString(), command.Caller, ClientView.LogDetails(rotated));
        return new IssuedKey { Client = rotated, Key = key.Key };
    }
}
