using AssistanceApi.Http;
using Newtonsoft.Json;

namespace AssistanceApi.Host;

/// <summary>
/// The document's examples are written by Newtonsoft (NSwag's serializer), which knows nothing of the wire's
/// kebab-case enum values: this writes each enum value as System.Text.Json with <see cref="JsonDefaults"/> does.
/// </summary>
public sealed class WireEnumNames : JsonConverter
{
    public override bool CanConvert(Type objectType) => (Nullable.GetUnderlyingType(objectType) ?? objectType).IsEnum;

    public override bool CanRead => false;

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is null) writer.WriteNull();
        else writer.WriteRawValue(System.Text.Json.JsonSerializer.Serialize(value, value.GetType(), JsonDefaults.Options));
    }

    public override object ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer) =>
        throw new NotSupportedException("Only writes the document's examples.");
}
