using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace AssistanceApi.Host;

/// <summary>
/// Puts the webhook payload in the document's components (WebhookEvent): no endpoint returns it, since the API sends it
/// to the subscribers, yet an integrator needs its shape. NSwag writes OpenAPI 3.0, which has no webhooks section.
/// </summary>
public sealed class WebhookEventSchema : IDocumentProcessor
{
    public void Process(DocumentProcessorContext context) =>
        context.SchemaGenerator.Generate(typeof(Features.Webhooks.WebhookEvent), context.SchemaResolver);
}
