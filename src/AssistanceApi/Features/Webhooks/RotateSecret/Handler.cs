using AssistanceApi.Auth;
using AssistanceApi.Persistence;
using AssistanceApi.Webhooks;
using Dapper;
using Mediator;

namespace AssistanceApi.Features.Webhooks.RotateSecret;

public sealed record RotateWebhookSecretCommand(Caller Caller, Guid Id) : ICommand<IssuedSecret>, IWriteCommand;

public sealed class Handler(UnitOfWork unit, WebhookSecrets secrets) : ICommandHandler<RotateWebhookSecretCommand, IssuedSecret>
{
    public async ValueTask<IssuedSecret> Handle(RotateWebhookSecretCommand command, CancellationToken ct)
    {
        var row = await WebhookRules.VisibleAsync(unit.Connection, unit.Transaction, command.Caller, command.Id);
        var secret = WebhookSecrets.Generate();
        await unit.Connection.ExecuteAsync(
            "UPDATE webhook_subscriptions SET secret_sealed = @sealedSecret, version = version + 1 WHERE id = @id",
            new { id = row.Id, sealedSecret = secrets.Seal(row.Id, secret) }, unit.Transaction);
        return new IssuedSecret { Webhook = row, Secret = secret };
    }
}
