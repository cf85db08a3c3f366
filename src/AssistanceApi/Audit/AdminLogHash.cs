using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using AssistanceApi.Persistence;

namespace AssistanceApi.Audit;

/// <summary>SHA-256 over a fixed-order serialisation of an admin log event and the hash before it.</summary>
public static class AdminLogHash
{
    public static readonly string Genesis = new('0', 64);

    public static string Compute(AdminLogEvent e) => Convert.ToHexStringLower(SHA256.HashData(Canonical(e)));

    /// <summary>
    /// A JSON array, so no field's content can imitate a separator:
    /// <c>["log",sequence,"at","action","actorClient","actorState","actorRole","target","details","previousHash"]</c>,
    /// nulls as null (the CLI has no actor).
    /// </summary>
    public static byte[] Canonical(AdminLogEvent e)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteStringValue(e.Log);
            json.WriteNumberValue(e.Sequence);
            json.WriteStringValue(TypeHandlers.Format(e.At));
            json.WriteStringValue(e.Action);
            Text(json, e.ActorClient?.ToString("D"));
            Text(json, e.ActorState);
            Text(json, e.ActorRole);
            json.WriteStringValue(e.Target);
            json.WriteStringValue(e.Details);
            json.WriteStringValue(e.PreviousHash);
            json.WriteEndArray();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void Text(Utf8JsonWriter json, string? value)
    {
        if (value is null) json.WriteNullValue();
        else json.WriteStringValue(value);
    }

    /// <summary>Every hash recomputes, every event links to the one before, and no sequence number is missing.</summary>
    public static bool IsValidChain(IReadOnlyList<AdminLogEvent> events)
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
