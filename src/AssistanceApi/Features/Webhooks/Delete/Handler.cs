using AssistanceApi.Auth;
using AssistanceApi.Persistence;
using Dapper;
using Mediator;

namespace AssistanceApi.Features.Webhooks.Delete;

public sealed record DeleteWebhookCommand(Caller Caller, Guid Id) : ICommand, IWriteCommand;

public sealed class Handler(UnitOfWork unit) : ICommandHandler<DeleteWebhookCommand>
{
    public async ValueTask<Unit> Handle(DeleteWebhookCommand command, CancellationToken ct)
    {
        await WebhookRules.VisibleAsync(unit.Connection, unit.Transaction, command.Caller, command.Id);
        // Attempts, then deliveries, then the subscription: no reliance on the connection enforcing the cascade.
        await unit.Connection.ExecuteAsync(
            """
            DELETE FROM webhook_attempts WHERE delivery_id IN (SELECT id FROM webhook_deliveries WHERE subscription_id = @Id);
            DELETE FROM webhook_deliveries WHERE subscription_id = @Id;
            DELETE FROM webhook_subscriptions WHERE id = @Id;
            """, new { command.Id }, unit.Transaction);
        return Unit.Value;
    }
}
