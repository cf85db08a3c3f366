using System.Text.Json;
using AssistanceApi.Features.Requests;
using AssistanceApi.Http;
using Newtonsoft.Json.Linq;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace AssistanceApi.Host;

/// <summary>
/// The merge patch's example, on its own media types (the create example sits on the shared RequestContent schema):
/// what completes the create example into a request that submits cleanly, as Swagger UI's "Try it out" shows it.
/// </summary>
public sealed class PatchExample : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        var operation = context.OperationDescription.Operation;
        if (operation.OperationId != "RequestsUpdate" || operation.RequestBody is null) return true;
        // Absent, not null: in a merge patch null removes the field.
        var options = new JsonSerializerOptions(JsonDefaults.Options) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };
        var example = JToken.Parse(JsonSerializer.Serialize(RequestExamples.CompletingPatch, options));
        foreach (var media in operation.RequestBody.Content.Values) media.Example = example;
        return true;
    }
}
