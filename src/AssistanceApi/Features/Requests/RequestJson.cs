using System.Text.Json;
using AssistanceApi.Auth;
using AssistanceApi.Domain;
using AssistanceApi.Http;
using AssistanceApi.Treaty;

namespace AssistanceApi.Features.Requests;

/// <summary>
/// Writes a request exactly as <see cref="RequestResource"/> serializes, without building one: the server's fields by
/// code, then the stored progress and content documents field by field as they are stored. Their stored names and
/// values are the wire's (pinned by the stored-document tests; the list's golden test and the comparison with the
/// serializer prove the bytes), so nothing is read into objects and written again but the progress the guards need.
/// </summary>
public static class RequestJson
{
    private static readonly StoredFields Progress = StoredFields.Of<RequestProgress>();
    private static readonly StoredFields Content = StoredFields.Of<RequestContent>();

    public static void Write(Utf8JsonWriter writer, RequestRecord row, Caller caller, DateTimeOffset now, TreatyOptions options)
    {
        var progress = row.Progress is "{}" ? new RequestProgress() : row.ProgressValue;
        writer.WriteStartObject();
        writer.WriteString(Names.Id, row.Id);
        writer.WriteString(Names.Reference, row.Reference);
        writer.WriteString(Names.RequestingState, row.RequestingState);
        writer.WriteString(Names.Status, row.Status);
        writer.WriteNumber(Names.Version, row.Version);
        writer.WriteStartArray(Names.AllowedActions);
        foreach (var action in Lifecycle.Allowed(row.KindValue, row.StatusValue, row.SideOf(caller), new GuardContext(progress, now, options)))
            writer.WriteStringValue(action);
        writer.WriteEndArray();
        Timestamp(writer, Names.CreatedAt, row.CreatedAt);
        Timestamp(writer, Names.UpdatedAt, row.UpdatedAt);
        Timestamp(writer, Names.SubmittedAt, row.SubmittedAt);
        Timestamp(writer, Names.AcknowledgeBy, row.AcknowledgeBy);
        Timestamp(writer, Names.AcknowledgedAt, row.AcknowledgedAt);
        Timestamp(writer, Names.ClosedAt, row.ClosedAt);
        Timestamp(writer, Names.DueAt, row.DueAt);
        Timestamp(writer, Names.PreservedUntil, row.PreservedUntil);
        Progress.Write(writer, row.Progress);
        Content.Write(writer, row.Content);
        writer.WriteEndObject();
    }

    private static void Timestamp(Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset? value)
    {
        writer.WritePropertyName(name);
        if (value is { } at) JsonDefaults.WriteTimestamp(writer, at);
        else writer.WriteNullValue();
    }

    private static class Names
    {
        public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
        public static readonly JsonEncodedText Reference = JsonEncodedText.Encode("reference");
        public static readonly JsonEncodedText RequestingState = JsonEncodedText.Encode("requestingState");
        public static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
        public static readonly JsonEncodedText Version = JsonEncodedText.Encode("version");
        public static readonly JsonEncodedText AllowedActions = JsonEncodedText.Encode("allowedActions");
        public static readonly JsonEncodedText CreatedAt = JsonEncodedText.Encode("createdAt");
        public static readonly JsonEncodedText UpdatedAt = JsonEncodedText.Encode("updatedAt");
        public static readonly JsonEncodedText SubmittedAt = JsonEncodedText.Encode("submittedAt");
        public static readonly JsonEncodedText AcknowledgeBy = JsonEncodedText.Encode("acknowledgeBy");
        public static readonly JsonEncodedText AcknowledgedAt = JsonEncodedText.Encode("acknowledgedAt");
        public static readonly JsonEncodedText ClosedAt = JsonEncodedText.Encode("closedAt");
        public static readonly JsonEncodedText DueAt = JsonEncodedText.Encode("dueAt");
        public static readonly JsonEncodedText PreservedUntil = JsonEncodedText.Encode("preservedUntil");
    }
}
