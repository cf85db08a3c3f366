using System.Buffers;
using System.Text.Json;
using AssistanceApi.Persistence;

namespace AssistanceApi.Audit;

/// <summary>
/// HMAC-SHA256 under the chain key (<see cref="ChainKeys"/>) over a fixed-order serialisation of an admin log event
/// and the hash before it; the log's tip (length and last hash) is sealed with the same key. Without the key, write
/// access to the database can neither rewrite a log nor cut its tail unseen.
/// </summary>
public static class AdminLogHash
{
    public static readonly string Genesis = new('0', 64);

    public static void Sign(AdminLogEvent e, ChainKeys keys)
    {
        var signed = keys.Sign(Canonical(e));
        e.KeyId = signed.KeyId;
        e.Hash = signed.Hash;
    }

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

    /// <summary>The bytes a log's tip seal signs: <c>["uncc-admin-log-tip/1","log",length,"lastHash"]</c>.</summary>
    public static byte[] TipBytes(string log, long length, string lastHash)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteStringValue("uncc-admin-log-tip/1");
            json.WriteStringValue(log);
            json.WriteNumberValue(length);
            json.WriteStringValue(lastHash);
            json.WriteEndArray();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Every event verifies under a configured key and links to the one before, no sequence number is missing, and the
    /// sealed tip names the last event: an event changed, added, deleted (the last ones too) or rehashed without the
    /// key makes it false.
    /// </summary>
    public static bool IsValidChain(string log, IReadOnlyList<AdminLogEvent> events, AdminLogTip? tip, ChainKeys keys)
    {
        var previous = Genesis;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.Sequence != i + 1 || e.PreviousHash != previous || e.KeyId is null || !keys.Verify(e.KeyId, Canonical(e), e.Hash))
                return false;
            previous = e.Hash;
        }
        if (tip is null) return events.Count == 0;
        return tip.Length == events.Count && keys.VerifySeal(tip.Seal, TipBytes(log, tip.Length, previous));
    }
}

/// <summary>A log's sealed tip, as stored in admin_log_tips.</summary>
public sealed class AdminLogTip
{
    public long Length { get; init; }
    public string Seal { get; init; } = "";
}
