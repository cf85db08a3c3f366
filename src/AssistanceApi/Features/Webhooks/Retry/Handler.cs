using AssistanceApi.Auth;
using AssistanceApi.Http;
using AssistanceApi.Persistence;
using Dapper;
using Mediator;

namespace AssistanceApi.Features.Webhooks.Retry;

public sealed record RetryDeliveryCommand(Caller Caller, Guid Id, Guid DeliveryId) : ICommand<DeliveryView>, IWriteCommand;

public sealed class Handler(UnitOfWork unit, TimeProvider clock) : ICommandHandler<RetryDeliveryCommand, DeliveryView>
{
    public async ValueTask<DeliveryView> Handle(RetryDeliveryCommand command, CancellationToken ct)
    {
        await WebhookRules.VisibleAsync(unit.Connection, unit.Transaction, command.Caller, command.Id);
        var args = new { command.Id, command.DeliveryId, now = clock.Now() };
        var retried = await unit.Connection.ExecuteAsync(
            """
            UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = @now, locked_until = NULL
            WHERE id = @DeliveryId AND subscription_id = @Id
            """, args, unit.Transaction);
        if (retried == 0) throw Problems.NotFound($"No delivery {command.DeliveryId} of webhook {command.Id}.");
        await unit.Connection.ExecuteAsync(
            "UPDATE webhook_subscriptions SET disabled_at = NULL, disabled_reason = NULL, version = version + 1 WHERE id = @Id AND disabled_at IS NOT NULL",
            args, unit.Transaction);
        var delivery = await unit.Connection.QuerySingleAsync<DeliveryView>(
            $"SELECT {DeliveryView.Columns} FROM webhook_deliveries WHERE id = @DeliveryId", args, unit.Transaction);
        delivery.Earlier = (await unit.Connection.QueryAsync<AttemptView>(
            $"SELECT {AttemptView.Columns} FROM webhook_attempts a WHERE a.delivery_id = @DeliveryId ORDER BY a.attempt", args, unit.Transaction)).ToList();
        return delivery;
    }
}
