using System.Text.Json.Nodes;
using AssistanceApi.Persistence;
using AssistanceApi.Tests.Support;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace AssistanceApi.Tests.SystemTests;

/// <summary>
/// The feed's guarantee under concurrency (ADR 0007): events committed at once on two instances are each seen exactly
/// once, in one order, by every reader following the feed while they are written — nobody skips a slow transaction.
/// </summary>
public sealed class EventFeedConcurrencyTests
{
    private const int Writers = 8, RequestsEach = 8;

    [Fact]
    public async Task Two_readers_following_while_eight_writers_create_on_two_instances_see_every_event_once_in_the_tables_order()
    {
        await using var one = new ApiFactory();
        await using var two = new ApiFactory(one.Database);
        one.Settings["RateLimiting:PermitsPerMinute"] = "1000000";
        two.Settings["RateLimiting:PermitsPerMinute"] = "1000000";
        var hosts = new[] { one, two };
        using var writing = new CancellationTokenSource();

        var readers = hosts.Select(host => FollowWhileAsync(host.As(DemoKeys.Fra), writing.Token)).ToArray();
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var client = hosts[w % 2].As(DemoKeys.Fra);
            for (var i = 0; i < RequestsEach; i++) await client.SubmitNewAsync(Bodies.CompleteMla());
        })).ToArray();
        await Task.WhenAll(writers);
        await one.SettleEventsAsync();
        await writing.CancelAsync();
        var seen = await Task.WhenAll(readers);

        await using var connection = await one.Services.GetRequiredService<Database>().OpenAsync();
        var table = (await connection.QueryAsync<(long Position, Guid Id)>("SELECT position, id FROM events ORDER BY position")).ToList();
        Assert.Equal(Writers * RequestsEach * 2, table.Count);
        Assert.Equal(Enumerable.Range(1, table.Count).Select(p => (long)p), table.Select(r => r.Position));
        var order = table.Select(r => r.Id.ToString("D")).ToList();
        foreach (var reader in seen)
        {
            Assert.Equal(reader.Count, reader.Select(e => e["id"].Str()).Distinct().Count());
            Assert.Equal(order, reader.Select(e => e["id"].Str()));
            foreach (var request in reader.GroupBy(e => e["requestId"].Str()))
                Assert.Equal(["request.drafted", "request.submitted"], request.Select(e => e["type"].Str()));
        }
    }

    /// <summary>Reads small pages as fast as it can while the writers run, then to the end once they are done.</summary>
    private static async Task<List<JsonObject>> FollowWhileAsync(HttpClient client, CancellationToken writing)
    {
        var seen = new List<JsonObject>();
        string? cursor = null;
        while (true)
        {
            var done = writing.IsCancellationRequested;
            var page = await client.EventPageAsync(cursor, limit: 7);
            var items = page["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
            seen.AddRange(items);
            cursor = page["nextCursor"]?.GetValue<string>() ?? cursor;
            if (done && items.Count < 7) return seen;
        }
    }
}
