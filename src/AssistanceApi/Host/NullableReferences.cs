using NJsonSchema;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace AssistanceApi.Host;

/// <summary>
/// NJsonSchema wraps a property that refers to another schema in a one-member oneOf, so it can say nullable beside it.
/// OpenAPI 3.0 gives nullable a meaning only next to a type, and a one-member oneOf means nothing: linters reject both.
/// This writes the same thing in the form 3.0 allows, <c>{ "type": …, "nullable": true, "allOf": [ { "$ref": … } ] }</c>,
/// which generators read as a reference (a nullable one when it says so).
/// </summary>
public sealed class NullableReferences : IDocumentProcessor
{
    public void Process(DocumentProcessorContext context)
    {
        foreach (var schema in DocumentSchemas.All(context.Document)) Rewrite(schema);
    }

    private static void Rewrite(JsonSchema schema)
    {
        if (schema.OneOf.Count != 1 || schema.Type != JsonObjectType.None) return;
        var member = schema.OneOf.Single();
        if (member.Reference is null) return;
        schema.OneOf.Clear();
        schema.AllOf.Add(member);
        schema.Type = member.Reference.ActualSchema.Type;
        if (schema.IsNullableRaw == false) schema.IsNullableRaw = null;
    }
}
