using NJsonSchema;
using NSwag;

namespace AssistanceApi.Host;

/// <summary>Every schema of a document, each once: components, parameters, bodies and responses, and all they hold.</summary>
public static class DocumentSchemas
{
    public static IEnumerable<JsonSchema> All(OpenApiDocument document) =>
        Reachable(document.Components.Schemas.Values.Concat(document.Operations.SelectMany(o => Roots(o.Operation))));

    /// <summary>Every schema a request body can hold, through references too: what a client sends.</summary>
    public static IEnumerable<JsonSchema> InRequestBodies(OpenApiDocument document) =>
        Reachable(document.Operations.SelectMany(o => RequestBodies(o.Operation)));

    private static IEnumerable<JsonSchema> Reachable(IEnumerable<JsonSchema> roots)
    {
        var seen = new HashSet<JsonSchema>();
        var pending = new Stack<JsonSchema>(roots.Reverse());
        while (pending.Count > 0)
        {
            var schema = pending.Pop();
            if (!seen.Add(schema)) continue;
            yield return schema;
            foreach (var child in Children(schema).Reverse()) pending.Push(child);
        }
    }

    private static IEnumerable<JsonSchema> Roots(OpenApiOperation operation) =>
        operation.Parameters.Cast<JsonSchema>()
            .Concat(RequestBodies(operation))
            .Concat(operation.Responses.Values.SelectMany(r => r.Content.Values).Select(m => m.Schema))
            .Where(s => s is not null);

    private static IEnumerable<JsonSchema> RequestBodies(OpenApiOperation operation) =>
        (operation.RequestBody?.Content.Values ?? []).Select(m => m.Schema).Where(s => s is not null);

    private static IEnumerable<JsonSchema> Children(JsonSchema schema)
    {
        if (schema.Reference is not null) yield return schema.Reference;
        foreach (var property in schema.Properties.Values) yield return property;
        if (schema.Item is not null) yield return schema.Item;
        foreach (var item in schema.Items) yield return item;
        if (schema.AdditionalPropertiesSchema is not null) yield return schema.AdditionalPropertiesSchema;
        foreach (var member in schema.AllOf.Concat(schema.OneOf).Concat(schema.AnyOf)) yield return member;
    }
}
