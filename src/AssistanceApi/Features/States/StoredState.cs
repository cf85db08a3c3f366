using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AssistanceApi.Features.States;

/// <summary>
/// A directory entry sent as its <see cref="StateEntry"/> straight from the stored document: the stored names, order
/// and values are the wire's (<see cref="StoredStates"/> hands over each entry as <c>StateDocument.Write</c> writes it;
/// tests compare every seeded entry with the serializer's <see cref="StateEntry"/>), so nothing is read into objects
/// and written again on every call. Written through the endpoint's own serializer, so the escaping and headers are
/// the usual ones.
/// </summary>
[JsonConverter(typeof(StoredStateConverter))]
public sealed record StoredState(string Document)
{
    /// <summary>The entry's entity tag: a hash of the entry as it is sent, so any change to it is a new tag.</summary>
    public string ETag { get; } = TagOf(Document);

    public static string TagOf(string document) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)).AsSpan(0, 16));
}

public sealed class StoredStateConverter : JsonConverter<StoredState>
{
    public override StoredState Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("A stored State is only ever sent.");

    public override void Write(Utf8JsonWriter writer, StoredState value, JsonSerializerOptions options)
    {
        using var document = JsonDocument.Parse(value.Document);
        document.RootElement.WriteTo(writer);
    }
}
