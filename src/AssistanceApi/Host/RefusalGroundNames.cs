using System.Text.Json;
using AssistanceApi.Features.Requests.Refuse;
using AssistanceApi.Treaty;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace AssistanceApi.Host;

/// <summary>
/// A refusal's grounds are names the treaty keeps as strings (<see cref="RefusalGrounds"/>), not a C# enum, so no
/// schema processor sees an enum there: the document lists them as the enum they are on the wire, the grounds the
/// Convention forbids included (values the treaty refuses with 422, not misspellings).
/// </summary>
public sealed class RefusalGroundNames : IDocumentProcessor
{
    public void Process(DocumentProcessorContext context)
    {
        var body = context.SchemaResolver.GetSchema(typeof(RefuseBody), isIntegerEnumeration: false);
        var grounds = body.ActualProperties[JsonNamingPolicy.CamelCase.ConvertName(nameof(RefuseBody.Grounds))].Item!;
        foreach (var name in RefusalGrounds.Named) grounds.Enumeration.Add(name);
    }
}
