using System.Text.Json;
using System.Text.Json.Serialization;
using AssistanceApi.Auth;
using AssistanceApi.Treaty;

namespace AssistanceApi.Features.Requests;

/// <summary>
/// A request to be sent as its <see cref="RequestResource"/>, written by <see cref="RequestJson"/> straight from the row
/// when the response is serialized (through the endpoint's own serializer, so the headers and escaping are the usual ones).
/// </summary>
[JsonConverter(typeof(WrittenRequestConverter))]
public sealed record WrittenRequest(RequestRecord Row, Caller Caller, DateTimeOffset Now, TreatyOptions Options)
{
    public void WriteTo(Utf8JsonWriter writer) => RequestJson.Write(writer, Row, Caller, Now, Options);
}

/// <summary>A page of requests sent as <c>Page&lt;RequestResource&gt;</c>, each item written as <see cref="WrittenRequest"/> is.</summary>
[JsonConverter(typeof(WrittenPageConverter))]
public sealed record WrittenPage(IReadOnlyList<RequestRecord> Rows, string? NextCursor, Caller Caller, DateTimeOffset Now, TreatyOptions Options);

public sealed class WrittenRequestConverter : JsonConverter<WrittenRequest>
{
    public override WrittenRequest Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("A written request is only ever sent.");

    public override void Write(Utf8JsonWriter writer, WrittenRequest value, JsonSerializerOptions options) => value.WriteTo(writer);
}

public sealed class WrittenPageConverter : JsonConverter<WrittenPage>
{
    private static readonly JsonEncodedText Items = JsonEncodedText.Encode("items");
    private static readonly JsonEncodedText NextCursor = JsonEncodedText.Encode("nextCursor");

    public override WrittenPage Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("A written page is only ever sent.");

    public override void Write(Utf8JsonWriter writer, WrittenPage page, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteStartArray(Items);
        foreach (var row in page.Rows) RequestJson.Write(writer, row, page.Caller, page.Now, page.Options);
        writer.WriteEndArray();
        writer.WriteString(NextCursor, page.NextCursor);
        writer.WriteEndObject();
    }
}
