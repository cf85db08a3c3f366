using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AssistanceApi.Persistence;

/// <summary>The JSON array that <see cref="Dialect.JsonRows"/> reads as a table: one object a row.</summary>
public static class JsonRowsParameter
{
    // Read by the database, never by a browser: no need to escape HTML-sensitive characters.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Of<T>(IEnumerable<T> rows, Action<Utf8JsonWriter, T> write)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartArray();
            foreach (var row in rows)
            {
                writer.WriteStartObject();
                write(writer, row);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>A timestamp as the SQLite columns store it (PostgreSQL reads the same text as timestamptz).</summary>
    public static void WriteTimestamp(this Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } at) writer.WriteString(name, TypeHandlers.Format(at));
        else writer.WriteNull(name);
    }
}
