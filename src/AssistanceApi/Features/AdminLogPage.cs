using System.Text.Json;
using AssistanceApi.Audit;
using AssistanceApi.Http;
using AssistanceApi.Persistence;

namespace AssistanceApi.Features;

// The wire shape of the States' and the secretariat's admin logs, so it sits at the Features root shared by both
// areas; the chain it reads is Audit's.
/// <summary>One page of an admin log, oldest first; chainValid is recomputed over the whole log on every read.</summary>
public sealed class AdminLogPage
{
    public required IReadOnlyList<AdminLogItem> Items { get; init; }

    /// <summary>false when any event of the log was changed, added or deleted outside the API.</summary>
    public required bool ChainValid { get; init; }

    public string? NextCursor { get; init; }

    public static async Task<AdminLogPage> ReadAsync(Database database, ChainKeys keys, string log, int limit, string? after, CancellationToken ct)
    {
        var afterSequence = Cursor.Sequence(after);
        var (events, tip) = await AdminLog.ReadAsync(database, log, ct);
        var rows = events.Where(e => afterSequence is null || e.Sequence > afterSequence).Take(limit + 1).Select(AdminLogItem.From).ToList();
        var page = Page<AdminLogItem>.From(rows, limit, i => i.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new AdminLogPage { Items = page.Items, ChainValid = AdminLogHash.IsValidChain(log, events, tip, keys), NextCursor = page.NextCursor };
    }
}

/// <summary>
/// One event: for clients, details hold the client's id, role, name and key prefix (never a key or a hash), so a
/// State sees every key ever issued for it. actor is null for the operator at the server (the CLI).
/// </summary>
public sealed record AdminLogItem(
    long Sequence, DateTimeOffset At, string Action, AdminLogActor? Actor, string Target, JsonElement Details, string PreviousHash, string Hash)
{
    public static AdminLogItem From(AdminLogEvent e) => new(
        e.Sequence, e.At, e.Action,
        e.ActorClient is { } client ? new AdminLogActor(client, e.ActorState, e.ActorRole ?? "") : null,
        e.Target, ParseDetails(e.Details), e.PreviousHash, e.Hash);

    /// <summary>A details column edited into something that is not JSON still shows, as a string, and breaks the chain.</summary>
    private static JsonElement ParseDetails(string details)
    {
        try { return JsonDocument.Parse(details).RootElement.Clone(); }
        catch (JsonException) { return JsonSerializer.SerializeToElement(details); }
    }
}

public sealed record AdminLogActor(Guid ClientId, string? State, string Role);
