using AssistanceApi.Auth;
using AssistanceApi.Persistence;
using AssistanceApi.Webhooks;
using Dapper;
using Mediator;

namespace AssistanceApi.Features.Webhooks.Create;

public sealed record CreateWebhookCommand(Caller Caller, CreateWebhookBody Body) : ICommand<IssuedSecret>, IWriteCommand;

public sealed class Handler(UnitOfWork unit, WebhookSecrets secrets, TimeProvider clock) : ICommandHandler<CreateWebhookCommand, IssuedSecret>
{
    public async ValueTask<IssuedSecret> Handle(CreateWebhookCommand command, CancellationToken ct)
    {
        var (caller, body) = (command.Caller, command.Body);
        var now = clock.Now();
        var id = Ids.Next(now);
        var secret = WebhookSecrets.Generate();
        await unit.Connection.ExecuteAsync(
            """
            INSERT INTO webhook_subscriptions (id, owner_client_id, owner_state, owner_role, url, types, description, secret_sealed, created_at)
            VALUES (@id, @ClientId, @State, @Role, @Url, @types, @Description, @sealedSecret, @now)
            """,
            new
            {
                id, caller.ClientId, caller.State, caller.Role, body.Url, body.Description, now,
                types = WebhookView.TypesToJson(body.Types), sealedSecret = secrets.Seal(id, secret),
            }, unit.Transaction);
        var row = await WebhookRules.VisibleAsync(unit.Connection, unit.Transaction, caller, id);
        return new IssuedSecret { Webhook = row, Secret = secret };
    }
}
