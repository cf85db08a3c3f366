using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Events;
using AssistanceApi.Persistence;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace AssistanceApi.Tests.Support;

/// <summary>Following GET /api/v1/events as a client would: page after page from a cursor, until a page comes back short.</summary>
public static class EventFeed
{
    public const string Url = "/api/v1/events";

    public static async Task<JsonObject> EventPageAsync(this HttpClient client, string? after = null, int? limit = null, string? types = null)
    {
        var query = new List<string>();
        if (after is not null) query.Add("after=" + Uri.EscapeDataString(after));
        if (limit is not null) query.Add("limit=" + limit);
        if (types is not null) query.Add("types=" + Uri.EscapeDataString(types));
        return await (await client.GetAsync(Url + (query.Count == 0 ? "" : "?" + string.Join('&', query)))).ExpectAsync(HttpStatusCode.OK);
    }

    /// <summary>
    /// Waits until every committed event has its position. SQLite gives it at insert; PostgreSQL's sequencer numbers
    /// committed events just after commit, so a test that reads the feed right after a change settles it first.
    /// </summary>
    public static async Task SettleEventsAsync(this ApiFactory api)
    {
        var database = api.Services.GetRequiredService<Database>();
        if (!database.Dialect.SequencesEvents) return;
        var sequencer = api.Services.GetRequiredService<EventSequencer>();
        for (var attempt = 0; attempt < 500; attempt++)
        {
            await sequencer.SequenceAsync(CancellationToken.None);
            await using var connection = await database.OpenAsync();
            if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM events WHERE position IS NULL") == 0) return;
            await Task.Delay(20);
        }
        throw new TimeoutException("Events stayed without a position.");
    }

    /// <summary>Every event from <paramref name="after"/> on, and the cursor to go on from; settles the host's events first.</summary>
    public static async Task<(List<JsonObject> Events, string? Cursor)> FollowAsync(this HttpClient client, ApiFactory api, string? after = null, int limit = 200, string? types = null)
    {
        await api.SettleEventsAsync();
        var events = new List<JsonObject>();
        var cursor = after;
        while (true)
        {
            var page = await client.EventPageAsync(cursor, limit, types);
            var items = page["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
            events.AddRange(items);
            cursor = page["nextCursor"]?.GetValue<string>() ?? cursor;
            if (items.Count < limit) return (events, cursor);
        }
    }

    /// <summary>The types of the events about one request the client sees, in feed order.</summary>
    public static async Task<string[]> EventTypesOfAsync(this HttpClient client, ApiFactory api, string requestId) =>
        (await client.FollowAsync(api)).Events.Where(e => e["requestId"]?.GetValue<string>() == requestId).Select(e => e["type"].Str()).ToArray();
}
