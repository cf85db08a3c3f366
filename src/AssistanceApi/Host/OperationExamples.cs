using System.Text.Json;
using System.Text.Json.Serialization;
using AssistanceApi.Http;
using FastEndpoints;
using Newtonsoft.Json.Linq;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace AssistanceApi.Host;

/// <summary>
/// Puts the example an endpoint's summary gives (<c>s.ExampleRequest</c>) on the operation's own JSON media types,
/// as the wire serializer writes it, and takes FastEndpoints' copy off the body's schema: several operations share
/// a body type (withdraw, release and supersede take a reason; preserve and extend a date) and each needs the example
/// that is valid for it, which Swagger UI's "Try it out" then offers.
/// </summary>
public sealed class OperationExamples : IOperationProcessor, IDocumentProcessor
{
    // Absent, not null: in a merge patch null removes the field.
    private static readonly JsonSerializerOptions Wire = new(JsonDefaults.Options) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public bool Process(OperationProcessorContext context)
    {
        var body = context.OperationDescription.Operation.RequestBody;
        if (body is null || context is not AspNetCoreOperationProcessorContext aspNet) return true;
        var example = aspNet.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<EndpointDefinition>().SingleOrDefault()
            ?.EndpointSummary?.RequestExamples.SingleOrDefault()?.Value;
        if (example is null) return true;
        var json = JToken.Parse(JsonSerializer.Serialize(example, example.GetType(), Wire));
        foreach (var (mediaType, media) in body.Content)
            if (mediaType.EndsWith("json", StringComparison.Ordinal)) media.Example = json;
        return true;
    }

    public void Process(DocumentProcessorContext context)
    {
        foreach (var operation in context.Document.Operations.Select(o => o.Operation))
            foreach (var media in operation.RequestBody?.Content.Values ?? [])
                if (media.Example is not null && media.Schema?.HasReference == true) media.Schema.ActualSchema.Example = null;
    }
}
