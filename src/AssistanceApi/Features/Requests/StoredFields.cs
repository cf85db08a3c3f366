using System.Text.Json;
using AssistanceApi.Http;

namespace AssistanceApi.Features.Requests;

/// <summary>
/// The fields of a stored JSON document (content or progress) written into a response as they are stored, in the
/// order the wire type declares them; a field the document lacks is written as a fresh object of that type writes it
/// (null, or [] for a list that starts empty), just as reading the document into the type and writing it again would.
/// Strings pass through the response's writer, so they are escaped as every other response escapes them.
/// </summary>
public sealed class StoredFields
{
    private readonly JsonEncodedText[] _names;
    private readonly JsonElement[] _defaults;

    private StoredFields(JsonEncodedText[] names, JsonElement[] defaults) => (_names, _defaults) = (names, defaults);

    /// <summary>The fields of <typeparamref name="T"/> as the API's JSON settings name and order them, with their defaults.</summary>
    public static StoredFields Of<T>() where T : new()
    {
        var info = JsonDefaults.Options.GetTypeInfo(typeof(T));
        var fresh = JsonSerializer.SerializeToElement(new T(), info);
        var names = info.Properties.Select(p => p.Name).ToArray();
        return new StoredFields(
            names.Select(n => JsonEncodedText.Encode(n)).ToArray(),
            names.Select(n => fresh.TryGetProperty(n, out var value) ? value.Clone() : default).ToArray());
    }

    public IEnumerable<string> Names => _names.Select(n => n.Value);

    /// <summary>Writes the fields of <paramref name="json"/> into the object <paramref name="writer"/> is in.</summary>
    public void Write(Utf8JsonWriter writer, string json)
    {
        if (json is "{}")
        {
            WriteDefaults(writer);
            return;
        }
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (InOrder(root))
        {
            foreach (var field in root.EnumerateObject()) field.WriteTo(writer);
            return;
        }
        for (var i = 0; i < _names.Length; i++)
        {
            writer.WritePropertyName(_names[i]);
            if (root.TryGetProperty(_names[i].EncodedUtf8Bytes, out var value)) value.WriteTo(writer);
            else WriteDefault(writer, i);
        }
    }

    /// <summary>Every field, and only those, in the declared order: the shape every document is stored in.</summary>
    private bool InOrder(JsonElement root)
    {
        var i = 0;
        foreach (var field in root.EnumerateObject())
            if (i >= _names.Length || !field.NameEquals(_names[i++].EncodedUtf8Bytes)) return false;
        return i == _names.Length;
    }

    private void WriteDefaults(Utf8JsonWriter writer)
    {
        for (var i = 0; i < _names.Length; i++)
        {
            writer.WritePropertyName(_names[i]);
            WriteDefault(writer, i);
        }
    }

    private void WriteDefault(Utf8JsonWriter writer, int i)
    {
        if (_defaults[i].ValueKind == JsonValueKind.Undefined) writer.WriteNullValue();
        else _defaults[i].WriteTo(writer);
    }
}
