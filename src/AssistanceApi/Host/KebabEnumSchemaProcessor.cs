using System.Text.Json;
using AssistanceApi.Http;
using NJsonSchema.Generation;

namespace AssistanceApi.Host;

/// <summary>Makes the document list enum values as they travel (in-execution), not as C# names.</summary>
public sealed class KebabEnumSchemaProcessor : ISchemaProcessor
{
    public void Process(SchemaProcessorContext context)
    {
        var type = Nullable.GetUnderlyingType(context.ContextualType.Type) ?? context.ContextualType.Type;
        if (!type.IsEnum) return;
        context.Schema.Enumeration.Clear();
        context.Schema.EnumerationNames.Clear();
        foreach (var value in Enum.GetValues(type))
        {
            var name = JsonSerializer.Serialize(value, type, JsonDefaults.Options).Trim('"');
            context.Schema.Enumeration.Add(name);
            context.Schema.EnumerationNames.Add(name);
        }
    }
}
