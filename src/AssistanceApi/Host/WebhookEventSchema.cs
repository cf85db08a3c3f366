using NJsonSchema;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace AssistanceApi.Host;

/// <summary>
/// Documents what the API sends to a subscribed URL as a callback of the subscribing operation (OpenAPI 3.0 has no
/// webhooks section): a POST of a WebhookEvent to the URL the subscription names, answered 2xx.
/// </summary>
public sealed class WebhookEventSchema : IDocumentProcessor
{
    private const string SubscribeOperationId = "WebhooksCreate";

    public void Process(DocumentProcessorContext context)
    {
        var schema = context.SchemaGenerator.Generate(typeof(Features.Webhooks.WebhookEvent), context.SchemaResolver);
        var subscribe = context.Document.Operations.SingleOrDefault(o => o.Operation.OperationId == SubscribeOperationId)?.Operation;
        if (subscribe is null) return;

        var delivery = new OpenApiOperation
        {
            OperationId = "WebhookDelivery",
            Summary = "A delivery to the subscribed URL",
            Description = "One event, signed by the Standard Webhooks specification (headers webhook-id, webhook-timestamp, " +
                          "webhook-signature). Deduplicate by webhook-id: delivery is at least once.",
            Tags = ["Webhooks"],
            RequestBody = new OpenApiRequestBody { IsRequired = true, Content = { ["application/json"] = new OpenApiMediaType { Schema = new JsonSchema { Reference = schema } } } },
        };
        delivery.Responses["2XX"] = new OpenApiResponse { Description = "Received; any 2xx within 10 seconds." };
        delivery.Responses["4XX"] = new OpenApiResponse { Description = "Refused; retried on the schedule, then the subscription is disabled." };
        // Signed with the subscription's secret, not sent with an API key.
        delivery.Security = [new OpenApiSecurityRequirement()];

        var item = new OpenApiPathItem { [OpenApiOperationMethod.Post] = delivery };
        subscribe.Callbacks["event"] = new OpenApiCallback { ["{$request.body#/url}"] = item };
    }
}
