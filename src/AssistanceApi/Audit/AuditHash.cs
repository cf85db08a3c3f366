using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using AssistanceApi.Http;
using AssistanceApi.Persistence;

namespace AssistanceApi.Audit;

/// <summary>
/// The two recipes of an event's hash. Keyed (every event written now): HMAC-SHA256 under a chain key over the event,
/// the digests of the request before and after the change, the digest of the message a message event sent, and the hash before.
/// Unkeyed (events written before keys existed, <c>key_id</c> null): SHA-256 over the event and the hash before.
/// </summary>
public static class AuditHash
{
    public static readonly string Genesis = new('0', 64);

    /// <summary>Names the keyed recipe inside the bytes it signs, so they can never be read as another recipe's.</summary>
    public const string KeyedRecipe = "uncc-audit-event/2";

    public static JsonSerializerOptions Json => JsonDefaults.Options;

    /// <summary>The unkeyed recipe, kept so the events it hashed keep verifying.</summary>
    public static string Compute(AuditEvent e) => Convert.ToHexStringLower(SHA256.HashData(Canonical(e)));

    /// <summary>
    /// The bytes the unkeyed recipe hashed: a JSON array, not a joined string, so no field's content can imitate a separator —
    /// <c>["id",sequence,"at","action","actorState","actorClient","fromStatus","toStatus","details","previousHash"]</c>
    /// with nulls as null, written as System.Text.Json writes it with its default encoder.
    /// </summary>
    public static byte[] Canonical(AuditEvent e) => Array(json => WriteEvent(json, e));

    /// <summary>
    /// The bytes the keyed recipe signs: <c>["uncc-audit-event/2","id",sequence,"at","action","actorState","actorClient",
    /// "fromStatus","toStatus","details","priorDigest","stateDigest","messageDigest","previousHash"]</c>, written like <see cref="Canonical"/>.
    /// </summary>
    public static byte[] KeyedCanonical(AuditEvent e, string? messageDigest) => Array(json =>
    {
        json.WriteStringValue(KeyedRecipe);
        WriteEvent(json, e, () =>
        {
            WriteText(json, e.PriorDigest);
            WriteText(json, e.StateDigest);
            WriteText(json, messageDigest);
        });
    });

    /// <summary>Signs <paramref name="e"/> with the newest chain key: sets its hash and key id.</summary>
    public static void Sign(AuditEvent e, ChainKeys keys, string? messageDigest)
    {
        var signed = keys.Sign(KeyedCanonical(e, messageDigest));
        e.KeyId = signed.KeyId;
        e.Hash = signed.Hash;
    }

    /// <summary>Whether the stored hash is the one its recipe gives: keyed under the key it names, or unkeyed.</summary>
    public static bool Verifies(AuditEvent e, ChainKeys keys, string? messageDigest) => e.KeyId is null
        ? Compute(e) == e.Hash
        : keys.Verify(e.KeyId, KeyedCanonical(e, messageDigest), e.Hash);

    /// <summary>SHA-256 of a message as sent: a message event covers its text, so an edited message shows.</summary>
    public static string MessageDigest(Guid id, DateTimeOffset sentAt, string fromState, Guid fromClient, string kind, string? subject, string text) =>
        Digest(json =>
        {
            json.WriteStringValue(id.ToString("D"));
            json.WriteStringValue(TypeHandlers.Format(sentAt));
            json.WriteStringValue(fromState);
            json.WriteStringValue(fromClient.ToString("D"));
            json.WriteStringValue(kind);
            WriteText(json, subject);
            json.WriteStringValue(text);
        });

    /// <summary>Lowercase hex SHA-256 of the JSON array the writer fills.</summary>
    public static string Digest(Action<Utf8JsonWriter> items) => Convert.ToHexStringLower(SHA256.HashData(Array(items)));

    private static void WriteEvent(Utf8JsonWriter json, AuditEvent e, Action? beforePrevious = null)
    {
        json.WriteStringValue(e.RequestId.ToString("D"));
        json.WriteNumberValue(e.Sequence);
        json.WriteStringValue(TypeHandlers.Format(e.At));
        WriteText(json, e.Action);
        WriteText(json, e.ActorState);
        json.WriteStringValue(e.ActorClient.ToString("D"));
        WriteText(json, e.FromStatus);
        WriteText(json, e.ToStatus);
        WriteText(json, e.Details);
        beforePrevious?.Invoke();
        WriteText(json, e.PreviousHash);
    }

    private static byte[] Array(Action<Utf8JsonWriter> items)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            items(json);
            json.WriteEndArray();
        }
        return buffer.WrittenSpan.ToArray();
    }

    public static void WriteText(Utf8JsonWriter json, string? value)
    {
        if (value is null) json.WriteNullValue();
        else json.WriteStringValue(value);
    }
}
