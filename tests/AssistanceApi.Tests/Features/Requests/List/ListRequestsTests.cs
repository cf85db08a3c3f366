using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Features.Requests.List;

public sealed class ListRequestsTests(SharedApi api) : IClassFixture<SharedApi>
{
    /// <summary>FRA: an MLA draft to DEU, a submitted MLA to DEU, a preservation draft to BRA; DEU: a submitted MLA to FRA.</summary>
    private static async Task<(string DraftDeu, string SubmittedDeu, string PreservationBra, string Incoming)> ArrangeAsync(ApiFactory api)
    {
        var fra = api.As(DemoKeys.Fra);
        var draftDeu = await fra.CreateDraftAsync(Bodies.CompleteMla("DEU"));
        var submittedDeu = await fra.SubmitNewAsync(Bodies.CompleteMla("DEU"));
        var preservationBra = await fra.CreateDraftAsync(Bodies.MinimalDraft("BRA", "expedited-preservation"));
        var incoming = await api.As(DemoKeys.Deu).SubmitNewAsync(Bodies.CompleteMla("FRA"));
        return (draftDeu, submittedDeu, preservationBra, incoming);
    }

    [Fact]
    public async Task Filters_select_exactly_the_matching_requests()
    {
        await using var api = new ApiFactory(); // a host of its own: it lists every request
        var (draftDeu, submittedDeu, preservationBra, incoming) = await ArrangeAsync(api);
        var fra = api.As(DemoKeys.Fra);

        async Task Expect(string query, params string[] ids) =>
            Assert.Equal(ids.Order().ToList(), (await fra.ListIdsAsync(query)).Order().ToList());

        await Expect("", draftDeu, submittedDeu, preservationBra, incoming);
        await Expect("direction=outgoing", draftDeu, submittedDeu, preservationBra);
        await Expect("direction=incoming", incoming);
        await Expect("status=draft", draftDeu, preservationBra);
        await Expect("status=submitted", submittedDeu, incoming);
        await Expect("status=acknowledged");
        await Expect("kind=expedited-preservation", preservationBra);
        await Expect("kind=mutual-legal-assistance", draftDeu, submittedDeu, incoming);
        await Expect("kind=traffic-data-disclosure");
        await Expect("counterpart=BRA", preservationBra);
        await Expect("counterpart=DEU", draftDeu, submittedDeu, incoming);
        await Expect("counterpart=KEN");
        // The caller's own State is no counterpart of any of its requests (it matched every one).
        await Expect("counterpart=FRA");
        await Expect("direction=outgoing&status=submitted", submittedDeu);
        await Expect("direction=incoming&counterpart=BRA");
    }

    [Fact]
    public async Task The_requested_State_lists_only_what_was_submitted_to_it()
    {
        await using var api = new ApiFactory(); // a host of its own: it lists every request
        var (_, submittedDeu, _, incoming) = await ArrangeAsync(api);
        var deu = api.As(DemoKeys.Deu);

        Assert.Equal([submittedDeu], await deu.ListIdsAsync("direction=incoming"));
        Assert.Equal([incoming], await deu.ListIdsAsync("direction=outgoing"));
        Assert.Empty(await deu.ListIdsAsync("status=draft"));
    }

    [Theory]
    [InlineData("status=nope", "status")]
    [InlineData("status=discarded", "status")]
    [InlineData("status=SUBMITTED", "status")]
    [InlineData("kind=extradition", "kind")]
    [InlineData("direction=sideways", "direction")]
    [InlineData("counterpart=XXX", "counterpart")]
    [InlineData("counterpart=deu", "counterpart")]
    [InlineData("overdue=perhaps", "overdue")]
    [InlineData("expiringWithinDays=-1", "expiringWithinDays")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("cursor=!!!", "cursor")]
    public async Task An_invalid_filter_is_a_400_naming_it(string query, string name)
    {
        var problem = await (await api.As(DemoKeys.Fra).GetAsync($"/api/v1/requests?{query}")).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(name, problem.Names());
    }

    [Theory]
    [InlineData("status=SUBMITTED", "status must be one of draft, submitted,", "\"SUBMITTED\" arrived")]
    [InlineData("kind=extradition", "kind must be one of mutual-legal-assistance, expedited-preservation, traffic-data-disclosure;", "\"extradition\" arrived")]
    [InlineData("direction=sideways", "direction must be one of incoming, outgoing;", "\"sideways\" arrived")]
    public async Task A_filter_that_is_none_of_its_values_is_named_as_a_body_s_enum_field_is(string query, string values, string arrived)
    {
        var problem = await (await api.As(DemoKeys.Fra).GetAsync($"/api/v1/requests?{query}")).ExpectProblemAsync(HttpStatusCode.BadRequest);

        var error = Assert.Single(problem["errors"]!.AsArray())!;
        Assert.Equal("unknown-enum-value", error["code"].Str());
        Assert.Contains(values, error["reason"].Str());
        Assert.Contains(arrived, error["reason"].Str());
        Assert.DoesNotContain("discarded", error["reason"].Str());
    }

    [Fact]
    public async Task Paging_walks_newest_first_and_returns_each_request_once()
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);
        var created = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            created.Add(await fra.CreateDraftAsync(Bodies.MinimalDraft()));
            api.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var seen = new List<string>();
        var pages = 0;
        var url = "/api/v1/requests?limit=2";
        while (true)
        {
            pages++;
            var page = await (await fra.GetAsync(url)).ExpectAsync(HttpStatusCode.OK);
            var items = page["items"]!.AsArray();
            Assert.InRange(items.Count, 1, 2);
            seen.AddRange(items.Select(r => r!["id"].Str()));
            if (page["nextCursor"]?.GetValue<string>() is not { } cursor) break;
            url = $"/api/v1/requests?limit=2&cursor={cursor}";
        }

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Reverse(created), seen);
    }

    [Fact]
    public async Task Overdue_lists_an_open_request_once_its_deadline_has_passed()
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);
        var late = await fra.SubmitNewAsync(Bodies.CompleteMlaWithDeadline("2026-12-10"));
        var later = await fra.SubmitNewAsync(Bodies.CompleteMlaWithDeadline("2027-06-30"));
        await fra.CreateDraftAsync(Bodies.CompleteMlaWithDeadline("2026-12-10"));
        var plain = await fra.SubmitNewAsync(Bodies.CompleteMla());
        // Acknowledged, so that only the requested deadline can make them overdue (not the acknowledgement clock).
        var deu = api.As(DemoKeys.Deu);
        foreach (var id in new[] { late, later, plain })
            await (await deu.PostJsonAsync($"/api/v1/requests/{id}/acknowledge", new JsonObject())).ExpectAsync(HttpStatusCode.OK);

        var submitted = await (await fra.GetRequestAsync(late)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("2026-12-10T23:59:59Z", submitted["dueAt"].Str());
        Assert.Empty(await fra.ListIdsAsync("overdue=true"));

        api.Clock.Advance(TimeSpan.FromDays(13) + TimeSpan.FromHours(13)); // 2026-12-10T23:00Z: due at the end of the day
        Assert.Empty(await fra.ListIdsAsync("overdue=true"));

        api.Clock.Advance(TimeSpan.FromHours(1)); // 2026-12-11T00:00Z
        Assert.Equal([late], await fra.ListIdsAsync("overdue=true"));
        Assert.Equal([late], await deu.ListIdsAsync("overdue=true&direction=incoming"));
        Assert.DoesNotContain(later, await fra.ListIdsAsync("overdue=true"));
    }
}
