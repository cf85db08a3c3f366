using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using AssistanceApi.Host;
using AssistanceApi.Persistence;

namespace AssistanceApi.Audit;

/// <summary>SHA-256 over a fixed-order serialisation of the event and the hash before it.</summary>
public static class AuditHash
{
    public static readonly string Genesis = new('0', 64);

    public static JsonSerializerOptions Json => JsonDefaults.Options;

    public static string Compute(AuditEvent e) => Convert.ToHexStringLower(SHA256.HashData(Canonical(e)));

    /// <summary>
    /// The bytes hashed: a JSON array, not a joined string, so no field's content can imitate a separator —
    /// <c>["id",sequence,"at","action","actorState","actorClient","fromStatus","toStatus","details","previousHash"]</c>
    /// with nulls as null, written as System.Text.Json writes it with its default encoder.
    /// </summary>
    public static byte[] Canonical(AuditEvent e)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteStringValue(e.RequestId.ToString("D"));
            json.WriteNumberValue(e.Sequence);
            json.WriteStringValue(TypeHandlers.Format(e.At));
            WriteText(json, e.Action);
            WriteText(json, e.ActorState);
            json.WriteStringValue(e.ActorClient.ToString("D"));
            WriteText(json, e.FromStatus);
            WriteText(json, e.ToStatus);
            WriteText(json, e.Details);
            WriteText(json, e.PreviousHash);
            json.WriteEndArray();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteText(Utf8JsonWriter json, string? value)
    {
        if (value is null) json.WriteNullValue();
        else json.WriteStringValue(value);
    }

    /// <summary>Every hash recomputes, every event links to the one before, and no sequence number is missing.</summary>
    public static bool IsValidChain(IReadOnlyList<AuditEvent> events)
    {
        var previous = Genesis;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.Sequence != i + 1 || e.PreviousHash != previous || Compute(e) != e.Hash) return false;
            previous = e.Hash;
        }
        return true;
    }
}
