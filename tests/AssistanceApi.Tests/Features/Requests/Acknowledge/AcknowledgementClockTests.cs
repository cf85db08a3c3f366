using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;
using static AssistanceApi.Tests.Support.Bodies;
using static AssistanceApi.Tests.Support.RequestCalls;

namespace AssistanceApi.Tests.Features.Requests.Acknowledge;

/// <summary>
/// How soon the requested State acknowledges (48 h; 24 h for emergencies (Art. 2(o)) and the expedited kinds of
/// Arts. 42–43), overdue lists, and emergencies first in the incoming list, also across cursor pages.
/// </summary>
public sealed class AcknowledgementClockTests(SharedApi api) : IClassFixture<SharedApi>
{
    private static JsonObject Emergency(JsonObject body)
    {
        body["emergency"] = true;
        body["emergencyJustification"] = "A hostage's life is at imminent risk; the kidnappers use this account.";
        return body;
    }

    [Theory]
    [InlineData("ordinary-mla", 48)]
    [InlineData("emergency-mla", 24)]
    [InlineData("preservation", 24)]
    [InlineData("emergency-preservation", 24)]
    [InlineData("disclosure", 24)]
    public async Task AcknowledgeBy_is_48_hours_after_submission_or_24_for_emergencies_and_expedited_kinds(string what, int hours)
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);
        api.Clock.Advance(TimeSpan.FromMinutes(17.5));
        var body = what switch
        {
            "ordinary-mla" => Bodies.CompleteMla(),
            "emergency-mla" => Emergency(Bodies.CompleteMla()),
            "preservation" => Bodies.CompletePreservation(),
            "emergency-preservation" => Emergency(Bodies.CompletePreservation()),
            _ => Disclosure(await fra.SubmitNewAsync(Bodies.CompletePreservation())),
        };
        var id = await fra.CreateDraftAsync(body);
        Assert.Null((await fra.ReadRequestAsync(id))["acknowledgeBy"]);
        api.Clock.Advance(TimeSpan.FromHours(3));

        var submitted = await fra.ActAsync(id, "submit");
        var submittedAt = submitted["submittedAt"].Time();
        Assert.Equal(api.Clock.GetUtcNow(), submittedAt);
        Assert.Equal(submittedAt.AddHours(hours), submitted["acknowledgeBy"].Time());
        // The requested State sees the same clock.
        var seen = await api.As(DemoKeys.Deu).ReadRequestAsync(id);
        Assert.Equal(submittedAt.AddHours(hours), seen["acknowledgeBy"].Time());
    }

    [Fact]
    public async Task An_emergency_without_justification_is_refused_with_2_o()
    {
        var fra = api.As(DemoKeys.Fra);
        var body = Bodies.CompleteMla();
        body["emergency"] = true;
        await fra.AssertFindingAsync(await fra.ValidateAsync(body), "uncc-2-o", "emergencyJustification");
        await fra.SubmitRejectedForAsync(body, "uncc-2-o", "emergencyJustification");
    }

    [Fact]
    public async Task Overdue_lists_a_submitted_request_once_acknowledgeBy_has_passed_and_not_after_it_is_acknowledged()
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);
        var deu = api.As(DemoKeys.Deu);
        var mla = await fra.SubmitNewAsync(Bodies.CompleteMla());
        var preservation = await fra.SubmitNewAsync(Bodies.CompletePreservation());
        var draft = await fra.CreateDraftAsync(Bodies.CompleteMla());

        Assert.Empty(await deu.FirstPageIdsAsync("overdue=true"));

        // Past 24 h: the preservation is overdue, the ordinary MLA request not yet.
        api.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        Assert.Equal([preservation], await deu.FirstPageIdsAsync("overdue=true"));

        api.Clock.Advance(TimeSpan.FromHours(24));
        var overdue = await deu.FirstPageIdsAsync("overdue=true");
        Assert.Equal([preservation, mla], overdue);
        Assert.Equal(overdue, await fra.FirstPageIdsAsync("overdue=true&direction=outgoing"));
        Assert.Equal(overdue, await deu.FirstPageIdsAsync("overdue=true&direction=incoming"));
        Assert.DoesNotContain(draft, await fra.FirstPageIdsAsync("overdue=true"));

        await deu.ActAsync(mla, "acknowledge");
        Assert.Equal([preservation], await deu.FirstPageIdsAsync("overdue=true"));
        Assert.Equal([preservation], await fra.FirstPageIdsAsync("overdue=true"));
        await deu.ActAsync(preservation, "acknowledge");
        Assert.Empty(await deu.FirstPageIdsAsync("overdue=true"));
    }

    [Fact]
    public async Task A_request_acknowledged_in_time_is_never_overdue()
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);
        var deu = api.As(DemoKeys.Deu);
        var mla = await fra.SubmitNewAsync(Bodies.CompleteMla());
        api.Clock.Advance(TimeSpan.FromHours(47));
        Assert.Empty(await deu.FirstPageIdsAsync("overdue=true"));
        await deu.ActAsync(mla, "acknowledge");
        api.Clock.Advance(TimeSpan.FromDays(10));
        Assert.Empty(await deu.FirstPageIdsAsync("overdue=true"));
        Assert.Empty(await fra.FirstPageIdsAsync("overdue=true"));
    }

    [Fact]
    public async Task Incoming_lists_put_emergencies_first_and_cursor_pages_return_each_request_once_in_that_order()
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);
        var deu = api.As(DemoKeys.Deu);
        var first = await fra.SubmitNewAsync(Bodies.CompleteMla());
        api.Clock.Advance(TimeSpan.FromMinutes(1));
        var emergency = await fra.SubmitNewAsync(Emergency(Bodies.CompleteMla()));
        api.Clock.Advance(TimeSpan.FromMinutes(1));
        var last = await fra.SubmitNewAsync(Bodies.CompleteMla());

        // Emergencies first, then newest first.
        var incoming = await deu.FirstPageIdsAsync("direction=incoming");
        Assert.Equal([emergency, last, first], incoming);
        Assert.Equal(incoming, await fra.FirstPageIdsAsync("direction=outgoing"));

        var paged = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await (await deu.GetAsync($"{RequestsUrl}?direction=incoming&limit=1" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")))
                .ExpectAsync(HttpStatusCode.OK);
            Assert.Single(page["items"]!.AsArray());
            paged.AddRange(page.Ids());
            cursor = page["nextCursor"]?.GetValue<string>();
            Assert.True(++pages <= 3, $"more pages than requests: {string.Join(", ", paged)}");
        } while (cursor is not null);

        Assert.Equal([emergency, last, first], paged);
    }

    [Fact]
    public async Task Emergencies_first_holds_across_kinds_and_for_the_24_7_contact_point()
    {
        await using var api = new ApiFactory();
        var fra247 = api.As(DemoKeys.Fra247);
        var older = await fra247.SubmitNewAsync(Emergency(Bodies.CompletePreservation()));
        api.Clock.Advance(TimeSpan.FromMinutes(1));
        var ordinary = await fra247.SubmitNewAsync(Bodies.CompletePreservation());
        api.Clock.Advance(TimeSpan.FromMinutes(1));
        var newer = await fra247.SubmitNewAsync(Emergency(Bodies.CompletePreservation()));

        Assert.Equal([newer, older, ordinary], await api.As(DemoKeys.Deu247).FirstPageIdsAsync("direction=incoming"));

        var paged = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await api.As(DemoKeys.Deu247).GetAsync($"{RequestsUrl}?limit=2" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")))
                .ExpectAsync(HttpStatusCode.OK);
            paged.AddRange(page.Ids());
            cursor = page["nextCursor"]?.GetValue<string>();
        } while (cursor is not null && paged.Count < 10);
        Assert.Equal([newer, older, ordinary], paged);
    }
}
