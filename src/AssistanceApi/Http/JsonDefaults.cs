using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AssistanceApi.Http;

/// <summary>The wire format: camelCase, kebab-case enum values, UTC timestamps, and no unknown fields.</summary>
public static class JsonDefaults
{
    public const int MaxDepth = 32;

    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        // The Web defaults match names ignoring case: "FACTS" would fill facts, and {"facts":…,"FACTS":…} keep one of two.
        options.PropertyNameCaseInsensitive = false;
        // Only the wire's own spelling of a value: the framework's converter also takes "WITNESS" or " Reciprocity ".
        options.Converters.Add(new KebabEnumConverter());
        // Never reached (the converter above takes every enum first); here so that the OpenAPI generator, which looks for
        // this converter, documents enums as their strings.
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.Converters.Add(new UtcTimestampConverter());
        // A misspelt field must not be silently dropped from a request between governments.
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.MaxDepth = MaxDepth;
        options.AllowTrailingCommas = false;
        // {"facts":"a","facts":"b"}: which one did the sender mean? Neither is taken.
        options.AllowDuplicateProperties = false;
        options.ReadCommentHandling = JsonCommentHandling.Disallow;
        return options;
    }

    private sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetDateTimeOffset().ToUniversalTime();

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => WriteTimestamp(writer, value);
    }

    /// <summary>A timestamp as the wire writes it: UTC, no trailing zeros in the fraction.</summary>
    public static void WriteTimestamp(Utf8JsonWriter writer, DateTimeOffset value)
    {
        Span<char> text = stackalloc char[40];
        value.ToUniversalTime().TryFormat(text, out var length, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
        writer.WriteStringValue(text[..length]);
    }
}
