using System.Text.Json.Nodes;
using AssistanceApi.Auth;
using AssistanceApi.Http;
using AssistanceApi.Persistence;
using AssistanceApi.Webhooks;
using Dapper;
using Mediator;

namespace AssistanceApi.Features.Webhooks.Test;

public sealed record TestWebhookCommand(Caller Caller, Guid Id) : ICommand<DeliveryView>, IWriteCommand;

public sealed class Handler(UnitOfWork unit, Database database, TimeProvider clock) : ICommandHandler<TestWebhookCommand, DeliveryView>
{
    public async ValueTask<DeliveryView> Handle(TestWebhookCommand command, CancellationToken ct)
    {
        var webhook = await WebhookRules.VisibleAsync(unit.Connection, unit.Transaction, command.Caller, command.Id);
        if (webhook.DisabledAt is not null)
            throw Problems.Conflict("webhook-disabled", "The subscription is disabled: retry one of its failed deliveries to enable it again.", []);

        var now = clock.Now();
        var (deliveryId, eventId) = (Ids.Next(now), Ids.Next(now));
        var payload = WebhookDeliveries.Payload(eventId, WebhookDeliveries.TestEventType, now, command.Caller.State, command.Caller.Role,
            new JsonObject { ["webhookId"] = webhook.Id.ToString("D") });
        await WebhookDeliveries.EnqueueManyAsync(unit.Connection, unit.Transaction, database.Dialect,
            [new WebhookDeliveries.NewDelivery(deliveryId, webhook.Id, eventId, WebhookDeliveries.TestEventType, null, payload, null)], now);
        return await unit.Connection.QuerySingleAsync<DeliveryView>(
            $"SELECT {DeliveryView.Columns} FROM webhook_deliveries WHERE id = @deliveryId", new { deliveryId }, unit.Transaction);
    }
}
