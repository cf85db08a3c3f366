using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AssistanceApi.Http;

/// <summary>
/// Enum values as the wire spells them, kebab-case (<c>judicial-proceeding</c>), and only so: another case, spaces around
/// the value, the C# name or a number is not a value of the field, and binding fails on it (the error says
/// <c>unknown-enum-value</c> or <c>wrong-type</c>).
/// </summary>
public sealed class KebabEnumConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Exact<>).MakeGenericType(typeToConvert))!;

    private sealed class Exact<T> : JsonConverter<T> where T : struct, Enum
    {
        private readonly FrozenDictionary<string, T> _byName =
            Enum.GetValues<T>().Distinct().ToFrozenDictionary(v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()), StringComparer.Ordinal);

        private readonly FrozenDictionary<T, JsonEncodedText> _names =
            Enum.GetValues<T>().Distinct().ToFrozenDictionary(v => v, v => JsonEncodedText.Encode(JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString())));

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String ? Named(reader.GetString()!) : throw new JsonException();

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(Name(value));

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Named(reader.GetString()!);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WritePropertyName(Name(value));

        private T Named(string name) => _byName.TryGetValue(name, out var value) ? value : throw new JsonException();

        // A value no member names (a cast number) is written as the framework would refuse to read it back: never.
        private JsonEncodedText Name(T value) =>
            _names.TryGetValue(value, out var name) ? name : throw new JsonException($"{typeof(T).Name} has no member {value}.");
    }
}
