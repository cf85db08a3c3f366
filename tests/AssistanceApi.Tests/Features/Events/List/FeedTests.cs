using System.Net;
using System.Text;
using AssistanceApi.Events;
using AssistanceApi.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AssistanceApi.Tests.Features.Events.List;

/// <summary>The feed as a cursor: pages without gap or duplicate, its bad inputs, its retention.</summary>
public sealed class FeedTests(SharedApi shared) : IClassFixture<SharedApi>
{
    [Fact]
    public async Task Pages_of_any_size_hold_every_event_once_in_order()
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);
        for (var i = 0; i < 7; i++) await fra.SubmitNewAsync(Bodies.CompleteMla());

        var whole = (await fra.FollowAsync(api)).Events.Select(e => e["id"].Str()).ToList();
        var byTwo = (await fra.FollowAsync(api, limit: 2)).Events.Select(e => e["id"].Str()).ToList();
        var byThree = (await fra.FollowAsync(api, limit: 3)).Events.Select(e => e["id"].Str()).ToList();

        Assert.Equal(14, whole.Count);
        Assert.Equal(whole, byTwo);
        Assert.Equal(whole, byThree);
        Assert.Equal(whole.Count, whole.Distinct().Count());
        Assert.Equal(whole.Order(StringComparer.Ordinal), whole); // UUIDv7 ids of one process follow commit order on SQLite
    }

    [Fact]
    public async Task A_cursor_resumes_after_the_last_event_seen_and_an_empty_page_gives_it_back()
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);
        await fra.SubmitNewAsync(Bodies.CompleteMla());
        var (first, cursor) = await fra.FollowAsync(api);

        var empty = await fra.EventPageAsync(cursor);
        Assert.Empty(empty["items"]!.AsArray());
        Assert.Equal(cursor, empty["nextCursor"].Str());

        var id = await fra.SubmitNewAsync(Bodies.CompleteMla());
        var (next, _) = await fra.FollowAsync(api, cursor);
        Assert.Equal(2, first.Count);
        Assert.Equal(["request.drafted", "request.submitted"], next.Select(e => e["type"].Str()));
        Assert.All(next, e => Assert.Equal(id, e["requestId"].Str()));
    }

    [Fact]
    public async Task The_default_page_holds_fifty()
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);
        for (var i = 0; i < 26; i++) await fra.SubmitNewAsync(Bodies.CompleteMla());
        await api.SettleEventsAsync();

        Assert.Equal(50, (await fra.EventPageAsync())["items"]!.AsArray().Count);
        Assert.Equal(52, (await fra.EventPageAsync(limit: 200))["items"]!.AsArray().Count);
    }

    public static TheoryData<string, string> BadQueries() => new()
    {
        { "limit=0", "invalid-limit" },
        { "limit=201", "invalid-limit" },
        { "types=request.teleported", "unknown-event-type" },
        { "types=request.submitted,nope", "unknown-event-type" },
        { "after=%25%25%25", "invalid-cursor" },
        { "after=" + Base64("x12"), "invalid-cursor" },
        { "after=" + Base64("p-3"), "invalid-cursor" },
        { "after=" + Base64("p0"), "invalid-cursor" },
    };

    [Fact]
    public async Task An_unknown_type_is_answered_with_every_type_and_the_name_that_arrived_cut()
    {
        var hostile = new string('x', 2000);

        var problem = await (await shared.As(DemoKeys.Fra).GetAsync($"{EventFeed.Url}?types={hostile}")).ExpectProblemAsync(HttpStatusCode.BadRequest);

        var reason = problem["errors"]![0]!["reason"].Str();
        Assert.EndsWith($"{AssistanceApi.Domain.Events.EventTypes.All[^1].Name}.", reason);
        foreach (var type in AssistanceApi.Domain.Events.EventTypes.All) Assert.Contains(type.Name, reason);
        Assert.Contains(new string('x', 60), reason);
        Assert.DoesNotContain(new string('x', 61), reason);
    }

    [Fact]
    public async Task A_quoted_name_is_never_cut_inside_a_surrogate_pair()
    {
        var name = new string('a', 59) + "\U0001F600b";

        var problem = await (await shared.As(DemoKeys.Fra).GetAsync($"{EventFeed.Url}?types={Uri.EscapeDataString(name)}")).ExpectProblemAsync(HttpStatusCode.BadRequest);

        var reason = problem["errors"]![0]!["reason"].Str();
        Assert.DoesNotContain("\\uFFFD", reason, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\uFFFD", reason);
        Assert.Contains(new string('a', 59), reason);
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task Bad_input_is_a_400_naming_the_rule(string query, string code)
    {
        var problem = await (await shared.As(DemoKeys.Fra).GetAsync(EventFeed.Url + "?" + query)).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(code, problem.Codes());
    }

    [Theory]
    [InlineData("p5")]
    [InlineData("p123456")]
    public async Task A_position_in_clear_as_cursors_were_before_they_were_sealed_is_gone_so_the_client_starts_again(string legacy)
    {
        var problem = await (await shared.As(DemoKeys.Fra).GetAsync($"{EventFeed.Url}?after={Base64(legacy)}"))
            .ExpectProblemAsync(HttpStatusCode.Gone, "cursor-expired");

        Assert.Contains("Start again without 'after'", problem["detail"].Str());
    }

    [Fact]
    public async Task A_cursor_sealed_under_a_chain_key_no_longer_configured_is_gone_too()
    {
        var retired = new AssistanceApi.Features.Events.List.FeedCursor(
            new Lazy<AssistanceApi.Audit.ChainKeys>(() => new AssistanceApi.Audit.ChainKeys("a-chain-key-this-server-never-had-0123456789"))).Encode(3);

        await (await shared.As(DemoKeys.Fra).GetAsync($"{EventFeed.Url}?after={retired}")).ExpectProblemAsync(HttpStatusCode.Gone, "cursor-expired");
    }

    [Fact]
    public async Task Without_a_key_the_feed_is_401() =>
        await (await shared.As(null).GetAsync(EventFeed.Url)).ExpectProblemAsync(HttpStatusCode.Unauthorized);

    [Theory]
    [InlineData(DemoKeys.Fra)]
    [InlineData(DemoKeys.Fra247)]
    [InlineData(DemoKeys.FraAdmin)]
    [InlineData(DemoKeys.Secretariat)]
    public async Task Every_role_may_follow_the_feed(string key) =>
        await shared.As(key).EventPageAsync();

    [Fact]
    public async Task A_cursor_older_than_the_retention_is_gone_and_the_feed_says_why()
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);
        await fra.SubmitNewAsync(Bodies.CompleteMla());
        var (_, oldCursor) = await fra.FollowAsync(api, limit: 1);
        var firstPage = await fra.EventPageAsync(limit: 1);
        var afterFirst = firstPage["nextCursor"].Str();

        api.Clock.Advance(TimeSpan.FromDays(91));
        await fra.SubmitNewAsync(Bodies.CompleteMla());
        await api.SettleEventsAsync();
        // The hourly sweep may already have run on the moved clock; sweeping again finds nothing more.
        await api.Services.GetRequiredService<EventRetention>().SweepAsync(CancellationToken.None);

        var problem = await (await fra.GetAsync(EventFeed.Url + "?after=" + afterFirst)).ExpectProblemAsync(HttpStatusCode.Gone);
        Assert.Equal("The cursor is older than the feed's retention", problem["title"].Str());
        Assert.Equal("/problems/cursor-expired", problem["type"].Str());
        // The last cursor of the old events is not gone: nothing after it was deleted.
        // (The sweeps on the moved clock may announce the first request's acknowledgement overdue: not what this test is about.)
        const string created = "request.drafted,request.submitted";
        Assert.Equal(["request.drafted", "request.submitted"], (await fra.FollowAsync(api, oldCursor, types: created)).Events.Select(e => e["type"].Str()));
        Assert.Equal(2, (await fra.FollowAsync(api, types: created)).Events.Count);
    }
}
