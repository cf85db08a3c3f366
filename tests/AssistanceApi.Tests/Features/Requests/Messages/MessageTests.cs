using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Features.Requests.Messages;

/// <summary>Correspondence between the two authorities of a request (GET, POST /requests/{id}/messages).</summary>
public sealed class MessageTests(SharedApi api) : IClassFixture<SharedApi>
{
    private static JsonObject Message(string text, string kind = "status-inquiry") => new() { ["kind"] = kind, ["text"] = text };

    private static async Task<JsonObject> SendAsync(Case c, HttpClient client, JsonObject body) =>
        await (await c.PostAsync(client, "messages", body)).ExpectAsync(HttpStatusCode.Created);

    private static async Task<JsonObject> ListAsync(Case c, HttpClient client, string query = "") =>
        await (await client.GetAsync(c.Url("messages") + query)).ExpectAsync(HttpStatusCode.OK);

    [Fact]
    public async Task A_draft_has_nobody_to_write_to()
    {
        var c = await Case.AtAsync(api, "draft");
        var snapshot = await c.SnapshotAsync();

        var problem = await (await c.PostAsync(c.Fra, "messages", Message("Hello?"))).ExpectProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal((await c.GetAsync(c.Fra))["allowedActions"].Strings(), problem["allowedActions"].Strings());
        await (await c.PostAsync(c.Deu, "messages", Message("Hello?"))).ExpectProblemAsync(HttpStatusCode.NotFound);
        await c.AssertUnchangedAsync(snapshot);
        Assert.Empty((await ListAsync(c, c.Fra))["items"]!.AsArray());
    }

    [Fact]
    public async Task Both_States_write_and_read_the_same_correspondence_oldest_first()
    {
        await using var api = new ApiFactory();
        var c = await Case.AtAsync(api, "acknowledged");
        var sent = new List<JsonObject>();

        sent.Add(await SendAsync(c, c.Fra, Message("Any news?")));
        api.Clock.Advance(TimeSpan.FromHours(1));
        sent.Add(await SendAsync(c, c.Deu, new JsonObject { ["kind"] = "clarification", ["subject"] = "Witness", ["text"] = "The witness moved to Munich." }));
        api.Clock.Advance(TimeSpan.FromHours(1));
        sent.Add(await SendAsync(c, c.Fra, Message("Thank you.", "other")));

        Assert.Equal(["FRA", "DEU", "FRA"], sent.Select(m => m["fromState"].Str()).ToArray());
        Assert.Equal("Witness", sent[1]["subject"].Str());
        Assert.Equal(c.Id, sent[0]["requestId"].Str());
        Assert.Equal("2026-11-27T11:00:00Z", sent[1]["sentAt"].Str());

        foreach (var client in new[] { c.Fra, c.Deu })
        {
            var items = (await ListAsync(c, client))["items"]!.AsArray();
            Assert.Equal(sent.Select(m => m["id"].Str()), items.Select(m => m!["id"].Str()));
            Assert.Equal(["status-inquiry", "clarification", "other"], items.Select(m => m!["kind"].Str()).ToArray());
            Assert.Equal(["Any news?", "The witness moved to Munich.", "Thank you."], items.Select(m => m!["text"].Str()).ToArray());
        }
    }

    [Fact]
    public async Task Messages_sent_in_the_same_instant_are_listed_in_the_order_they_were_sent()
    {
        var c = await Case.AtAsync(api, "submitted");
        var texts = Enumerable.Range(1, 8).Select(i => $"Message {i}").ToArray();

        foreach (var text in texts) await SendAsync(c, c.Fra, Message(text)); // the clock does not move

        Assert.Equal(texts, (await ListAsync(c, c.Deu))["items"]!.AsArray().Select(m => m!["text"].Str()).ToArray());
    }

    [Fact]
    public async Task A_third_State_neither_reads_nor_writes()
    {
        var c = await Case.AtAsync(api, "submitted");
        await SendAsync(c, c.Fra, Message("Any news?"));

        await (await c.Bra.GetAsync(c.Url("messages"))).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await c.PostAsync(c.Bra, "messages", Message("Me too?"))).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await c.Anonymous.GetAsync(c.Url("messages"))).ExpectProblemAsync(HttpStatusCode.Unauthorized);
        await (await c.Secretariat.GetAsync(c.Url("messages"))).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await c.PostAsync(c.Secretariat, "messages", Message("Statistics?"))).ExpectProblemAsync(HttpStatusCode.Forbidden);
        Assert.Single((await ListAsync(c, c.Deu))["items"]!.AsArray());
    }

    [Theory]
    [InlineData("""{"text":"No kind."}""", "kind")]
    [InlineData("""{"kind":"status-inquiry"}""", "text")]
    [InlineData("""{"kind":"status-inquiry","text":""}""", "text")]
    [InlineData("""{"kind":"gossip","text":"Unknown kind."}""", "kind")]
    [InlineData("""{"kind":"Status-Inquiry","text":"Wrong case."}""", "kind")]
    public async Task A_message_needs_a_known_kind_and_a_text(string body, string name)
    {
        var c = await Case.AtAsync(api, "submitted");
        var snapshot = await c.SnapshotAsync();

        var problem = await (await c.PostAsync(c.Fra, "messages", JsonNode.Parse(body)!)).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(name, problem.Names());
        Assert.Empty((await ListAsync(c, c.Fra))["items"]!.AsArray());
        await c.AssertUnchangedAsync(snapshot);
    }

    [Fact]
    public async Task Paging_two_at_a_time_returns_each_message_once_in_order()
    {
        await using var api = new ApiFactory();
        var c = await Case.AtAsync(api, "submitted");
        var ids = new List<string>();
        for (var i = 1; i <= 5; i++)
        {
            api.Clock.Advance(TimeSpan.FromMinutes(1));
            ids.Add((await SendAsync(c, i % 2 == 0 ? c.Deu : c.Fra, Message($"Message {i}")))["id"].Str());
        }

        var seen = new List<string>();
        var sizes = new List<int>();
        string? cursor = null;
        do
        {
            var page = await ListAsync(c, c.Deu, "?limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            var items = page["items"]!.AsArray();
            sizes.Add(items.Count);
            seen.AddRange(items.Select(m => m!["id"].Str()));
            cursor = page["nextCursor"]?.GetValue<string>();
        } while (cursor is not null && sizes.Count < 10);

        Assert.Equal([2, 2, 1], sizes);
        Assert.Equal(ids, seen);
    }

    [Theory]
    [InlineData("?limit=0")]
    [InlineData("?limit=201")]
    [InlineData("?cursor=%21%21")]
    public async Task Bad_paging_parameters_are_400(string query)
    {
        var c = await Case.AtAsync(api, "submitted");
        await (await c.Fra.GetAsync(c.Url("messages") + query)).ExpectProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Each_message_is_an_event_in_the_history_without_changing_the_request()
    {
        var c = await Case.AtAsync(api, "in-execution");
        var before = await c.GetAsync(c.Fra);

        var first = await SendAsync(c, c.Fra, Message("Any news?"));
        var second = await SendAsync(c, c.Deu, Message("Soon.", "clarification"));

        var events = (await c.HistoryAsync(c.Deu))["events"]!.AsArray().Where(e => e!["action"].Str() == "message").ToList();
        Assert.Equal(2, events.Count);
        Assert.Equal([first["id"].Str(), second["id"].Str()], events.Select(e => e!["details"]!["messageId"].Str()).ToArray());
        Assert.Equal(["status-inquiry", "clarification"], events.Select(e => e!["details"]!["kind"].Str()).ToArray());
        Assert.Equal(["FRA", "DEU"], events.Select(e => e!["actorState"].Str()).ToArray());
        Assert.All(events, e => Assert.Equal(("in-execution", "in-execution"), (e!["fromStatus"].Str(), e["toStatus"].Str())));

        var after = await c.GetAsync(c.Fra);
        Assert.Equal(before["status"].Str(), after["status"].Str());
        Assert.Equal(before.Version(), after.Version());
    }
}
