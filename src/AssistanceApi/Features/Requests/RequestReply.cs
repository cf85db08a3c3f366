using System.Text.Json;
using System.Text.Json.Serialization;
using AssistanceApi.Http;
using FastEndpoints;

namespace AssistanceApi.Features.Requests;

/// <summary>
/// What a change of a request (a lifecycle action, a draft's patch) answers with, a <see cref="RequestResource"/> on the
/// wire: written from the saved row (<see cref="WrittenRequest"/>) when the response is. No resource object is built, so
/// SQLite's one write loop, where a change's handler runs, only keeps the row. An answer stored with an Idempotency-Key
/// is read back as a document and written again as the writer escapes, so its replay is the answer first sent whatever
/// settings stored it.
/// </summary>
[JsonConverter(typeof(RequestReplyConverter))]
public sealed class RequestReply
{
    private readonly WrittenRequest? _written;
    private readonly JsonElement _stored;

    public RequestReply(WrittenRequest written) => (_written, Version) = (written, written.Row.Version);

    private RequestReply(long version, JsonElement stored) => (Version, _stored) = (version, stored);

    /// <summary>The ETag's version.</summary>
    public long Version { get; }

    internal void WriteTo(Utf8JsonWriter writer)
    {
        if (_written is not null) _written.WriteTo(writer);
        else _stored.WriteTo(writer);
    }

    internal static RequestReply Read(ref Utf8JsonReader reader)
    {
        var stored = JsonElement.ParseValue(ref reader);
        return new RequestReply(stored.GetProperty("version").GetInt64(), stored);
    }
}

public sealed class RequestReplyConverter : JsonConverter<RequestReply>
{
    public override RequestReply Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => RequestReply.Read(ref reader);

    public override void Write(Utf8JsonWriter writer, RequestReply value, JsonSerializerOptions options) => value.WriteTo(writer);
}

public static class RequestReplySending
{
    /// <summary>
    /// Sends a change's answer with its ETag. The endpoints declare a <see cref="RequestResource"/> (the contract), which
    /// is all that their typed <c>Send.OkAsync</c> takes, so the reply goes through the response's own serializer.
    /// </summary>
    public static Task SendReplyAsync(this HttpContext http, RequestReply reply, CancellationToken ct)
    {
        IfMatch.SetETag(http, reply.Version);
        return http.Response.SendOkAsync(reply, cancellation: ct);
    }
}
