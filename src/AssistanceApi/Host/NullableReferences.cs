using NJsonSchema;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace AssistanceApi.Host;

/// <summary>
/// NJsonSchema wraps a property that refers to another schema in a one-member oneOf, so it can say nullable beside it.
/// OpenAPI 3.0 gives nullable a meaning only next to a type, and a one-member oneOf means nothing: linters reject both.
/// This writes the same thing in the forms 3.0 allows: <c>{ "type": …, "nullable": true, "allOf": [ { "$ref": … } ] }</c>
/// when null is allowed, else the plain reference (an untyped allOf when the property has a description or an
/// example of its own). NSwag's client generator reads the first form as a type derived from the reference
/// (a string for an enum): see docs/adr/0009-generated-client.md.
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
        if (schema.IsNullableRaw == true)
        {
            schema.AllOf.Add(member);
            schema.Type = member.Reference.ActualSchema.Type;
            return;
        }
        schema.IsNullableRaw = null;
        // Not nullable: a plain reference, or an untyped allOf where the property says more (a description, an example).
        if (schema.Description is null && schema.Example is null) schema.Reference = member.Reference;
        else schema.AllOf.Add(member);
    }
}
