using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Features.Requests.List;

/// <summary>A requested deadline (Art. 40(25)) falls due at the end of its day; open requests past it are overdue.</summary>
public sealed class DueAtTests
{
    private static JsonObject WithDeadline(string deadline = "2026-12-10")
    {
        var body = Bodies.CompleteMla();
        body["deadline"] = deadline;
        body["deadlineReasons"] = "The trial opens on 11 December.";
        return body;
    }

    private static async Task<string[]> OverdueAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/v1/requests?overdue=true")).ExpectAsync(HttpStatusCode.OK))["items"]!.AsArray()
            .Select(r => r!["id"].Str()).ToArray();

    [Fact]
    public async Task dueAt_is_the_end_of_the_deadline_day_in_UTC()
    {
        await using var api = new ApiFactory();
        var c = await Case.AtAsync(api, "draft", WithDeadline());
        Assert.Null((await c.GetAsync(c.Fra))["dueAt"]);

        var submitted = await (await c.PostAsync(c.Fra, "submit", null)).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("2026-12-10T23:59:59Z", submitted["dueAt"].Str());
        Assert.Equal("2026-12-10T23:59:59Z", (await c.GetAsync(c.Deu))["dueAt"].Str());
        Assert.Equal("2026-12-10", (await c.GetAsync(c.Deu))["deadline"].Str());
    }

    [Fact]
    public async Task A_request_is_overdue_after_its_deadline_until_it_closes()
    {
        await using var api = new ApiFactory();
        var c = await Case.AtAsync(api, "acknowledged", WithDeadline());
        var other = new Case(api);
        await other.StartAsync("acknowledged"); // no deadline: never overdue

        Assert.Empty(await OverdueAsync(c.Fra));
        Assert.Empty(await OverdueAsync(c.Deu));

        api.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 10, 23, 59, 58, TimeSpan.Zero));
        Assert.Empty(await OverdueAsync(c.Fra));

        api.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 11, 0, 0, 1, TimeSpan.Zero));
        Assert.Equal([c.Id], await OverdueAsync(c.Fra));
        Assert.Equal([c.Id], await OverdueAsync(c.Deu));
        Assert.Empty(await OverdueAsync(c.Bra));

        await c.ActAsync(c.Deu, "start-execution");
        Assert.Equal([c.Id], await OverdueAsync(c.Deu));
        await c.ActAsync(c.Deu, "complete");

        Assert.Empty(await OverdueAsync(c.Fra));
        Assert.Empty(await OverdueAsync(c.Deu));
    }

    [Theory]
    [InlineData("withdrawn")]
    [InlineData("refused")]
    public async Task A_closed_request_is_never_overdue(string path)
    {
        await using var api = new ApiFactory();
        var c = await Case.AtAsync(api, path, WithDeadline());
        api.Clock.Advance(TimeSpan.FromDays(60));
        Assert.Empty(await OverdueAsync(c.Fra));
        Assert.Empty(await OverdueAsync(c.Deu));
    }

    [Fact]
    public async Task A_draft_past_its_deadline_is_not_overdue()
    {
        await using var api = new ApiFactory();
        var c = await Case.AtAsync(api, "draft", WithDeadline());
        api.Clock.Advance(TimeSpan.FromDays(60));
        Assert.Empty(await OverdueAsync(c.Fra));
        Assert.Null((await c.GetAsync(c.Fra))["dueAt"]);
    }
}
