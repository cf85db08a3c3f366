using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AssistanceApi.Host;
using AssistanceApi.Persistence;

namespace AssistanceApi.Audit;

/// <summary>SHA-256 over a fixed-order serialisation of the event and the hash before it.</summary>
public static class AuditHash
{
    public static readonly string Genesis = new('0', 64);

    public static JsonSerializerOptions Json => JsonDefaults.Options;

    public static string Compute(AuditEvent e)
    {
        // A JSON array, not a joined string: no field's content can imitate a separator.
        var canonical = JsonSerializer.Serialize(new object?[]
        {
            e.RequestId.ToString("D"), e.Sequence, TypeHandlers.Format(e.At), e.Action, e.ActorState,
            e.ActorClient.ToString("D"), e.FromStatus, e.ToStatus, e.Details, e.PreviousHash,
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
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
