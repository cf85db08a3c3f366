using System.Text.Json;

namespace AssistanceApi.Audit;

/// <summary>
/// The first event that fails (sequence) and why (reason): missing, beyond-tip, previous-hash-mismatch, hash-mismatch,
/// unknown-key, tip-mismatch, state-mismatch or unrecorded-message.
/// </summary>
public sealed record ChainError(long Sequence, string Reason);

/// <summary>
/// Verifies a request's whole chain in one pass: every event in sequence, linked to the one before, hashed by its
/// recipe (a message event over its message too), each starting from the request as the one before left it; then the request row against the chain — the tip (length, last
/// hash, seal) and the current content and progress against the digest the last event recorded.
/// </summary>
public static class ChainCheck
{
    public const string Missing = "missing";
    public const string Unlinked = "previous-hash-mismatch";
    public const string HashMismatch = "hash-mismatch";
    public const string UnknownKey = "unknown-key";
    public const string BeyondTip = "beyond-tip";
    public const string TipMismatch = "tip-mismatch";
    public const string StateMismatch = "state-mismatch";

    /// <summary>A message no message event names: added behind the API's back. The error names the last event.</summary>
    public const string UnrecordedMessage = "unrecorded-message";

    /// <summary>The first failure in <paramref name="events"/> (in sequence order) or in <paramref name="request"/>, or null.</summary>
    /// <param name="events">The request's events in sequence order.</param>
    /// <param name="request">The request row as stored, with its chain tip.</param>
    /// <param name="messageDigests">The digest of each message of the request, by id: every message it has.</param>
    /// <param name="keys">The configured chain keys.</param>
    public static ChainError? Verify(IReadOnlyList<AuditEvent> events, RequestState request, IReadOnlyDictionary<Guid, string> messageDigests, ChainKeys keys)
    {
        var previous = AuditHash.Genesis;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.Sequence != i + 1) return new ChainError(i + 1, Missing);
            if (e.PreviousHash != previous) return new ChainError(e.Sequence, Unlinked);
            if (e.KeyId is not null && !keys.Knows(e.KeyId)) return new ChainError(e.Sequence, UnknownKey);
            if (!AuditHash.Verifies(e, keys, MessageDigestOf(e, messageDigests))) return new ChainError(e.Sequence, HashMismatch);
            // The request was changed between two events: the state the event before left is not the one this one found.
            if (i > 0 && events[i - 1].StateDigest is { } left && e.PriorDigest is { } found && left != found)
                return new ChainError(events[i - 1].Sequence, StateMismatch);
            previous = e.Hash;
        }

        if (request.ChainLength > events.Count) return new ChainError(events.Count + 1, Missing);
        if (request.ChainLength < events.Count) return new ChainError(request.ChainLength + 1, BeyondTip);
        if (events.Count == 0) return null;
        var last = events[^1];
        if (request.ChainTip != last.Hash || !keys.VerifySeal(request.ChainSeal, RequestState.TipSeal(request.Id, request.ChainLength, request.ChainTip)))
            return new ChainError(last.Sequence, TipMismatch);
        // An unkeyed last event recorded no digest: the request is covered again from its next change.
        if (last.StateDigest is not null && last.StateDigest != request.Digest()) return new ChainError(last.Sequence, StateMismatch);
        // Each message is sent by a change that records it; a message row with no event was written around the API.
        var recorded = events.Where(e => e.Action == "message").Select(MessageIdOf).OfType<Guid>().ToHashSet();
        if (messageDigests.Keys.Any(id => !recorded.Contains(id))) return new ChainError(last.Sequence, UnrecordedMessage);
        return null;
    }

    /// <summary>Message events are the ones whose hash covers a message: the one their details name.</summary>
    public static bool IsMessageEvent(AuditEvent e) => e.Action == "message" && e.KeyId is not null;

    private static string? MessageDigestOf(AuditEvent e, IReadOnlyDictionary<Guid, string> messageDigests) =>
        IsMessageEvent(e) && MessageIdOf(e) is { } messageId && messageDigests.TryGetValue(messageId, out var digest) ? digest : null;

    /// <summary>The message a message event's details name (events of either recipe name it), or null.</summary>
    private static Guid? MessageIdOf(AuditEvent e)
    {
        try
        {
            using var details = JsonDocument.Parse(e.Details);
            return details.RootElement.ValueKind == JsonValueKind.Object
                   && details.RootElement.TryGetProperty("messageId", out var id) && id.ValueKind == JsonValueKind.String && id.TryGetGuid(out var messageId)
                ? messageId
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
