using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Auth;

public sealed class VisibilityTests(SharedApi api) : IClassFixture<SharedApi>
{
    [Fact]
    public async Task A_draft_is_hidden_from_the_requested_State_until_submitted()
    {
        await using var api = new ApiFactory(); // a host of its own: it lists every request
        var fra = api.As(DemoKeys.Fra);
        var deu = api.As(DemoKeys.Deu);
        var id = await fra.CreateDraftAsync(Bodies.CompleteMla("DEU"));

        await (await deu.GetRequestAsync(id)).ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(id, await deu.ListIdsAsync());
        Assert.DoesNotContain(id, await deu.ListIdsAsync("direction=incoming"));

        await (await fra.SubmitAsync(id)).ExpectAsync(HttpStatusCode.OK);

        var seen = await (await deu.GetRequestAsync(id)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("submitted", seen["status"].Str());
        Assert.Equal("FRA", seen["requestingState"].Str());
        Assert.Contains("acknowledge", seen["allowedActions"]!.AsArray().Select(a => a.Str()));
        Assert.DoesNotContain("submit", seen["allowedActions"]!.AsArray().Select(a => a.Str()));
        Assert.Equal([id], await deu.ListIdsAsync("direction=incoming"));
        Assert.Empty(await deu.ListIdsAsync("direction=outgoing"));
    }

    [Fact]
    public async Task Every_operation_by_the_requested_State_on_a_draft_is_a_404()
    {
        // A draft addressed to DEU: every draft operation by DEU is a 404, as if it did not exist.
        var id = await api.As(DemoKeys.Fra).CreateDraftAsync(Bodies.CompleteMla("DEU"));
        var deu = api.As(DemoKeys.Deu);

        await (await deu.PatchJsonAsync($"/api/v1/requests/{id}", new JsonObject { ["facts"] = "x" })).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await deu.DeleteRequestAsync(id)).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await deu.SubmitAsync(id)).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await deu.PostAsync($"/api/v1/requests/{id}/validation", null)).ExpectProblemAsync(HttpStatusCode.NotFound);
        var still = await (await api.As(DemoKeys.Fra).GetRequestAsync(id)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1, still["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_third_State_never_sees_a_draft()
    {
        var id = await api.As(DemoKeys.Fra).CreateDraftAsync(Bodies.CompleteMla("DEU"));
        await AssertInvisibleAsync(api.As(DemoKeys.Bra), id);
    }

    [Fact]
    public async Task A_third_State_never_sees_a_submitted_request()
    {
        await using var api = new ApiFactory(); // a host of its own: it lists every request
        var id = await api.As(DemoKeys.Fra).SubmitNewAsync(Bodies.CompleteMla("DEU"));
        await AssertInvisibleAsync(api.As(DemoKeys.Bra), id);

        var fra = await (await api.As(DemoKeys.Fra).GetRequestAsync(id)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("submitted", fra["status"].Str());
        Assert.Equal(2, fra["version"]!.GetValue<int>());
    }

    private static async Task AssertInvisibleAsync(HttpClient bra, string id)
    {
        await (await bra.GetRequestAsync(id)).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await bra.PatchJsonAsync($"/api/v1/requests/{id}", new JsonObject { ["facts"] = "x" })).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await bra.DeleteRequestAsync(id)).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await bra.SubmitAsync(id)).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await bra.PostAsync($"/api/v1/requests/{id}/validation", null)).ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(await bra.ListIdsAsync());
        Assert.Empty(await bra.ListIdsAsync("direction=incoming"));
        Assert.Empty(await bra.ListIdsAsync("direction=outgoing"));
        Assert.Empty(await bra.ListIdsAsync("counterpart=FRA"));
    }

    [Fact]
    public async Task The_contact_point_cannot_see_its_States_mutual_legal_assistance_requests()
    {
        await using var api = new ApiFactory(); // a host of its own: it lists every request
        var fra = api.As(DemoKeys.Fra);
        var draft = await fra.CreateDraftAsync(Bodies.CompleteMla("DEU"));
        var submitted = await fra.SubmitNewAsync(Bodies.CompleteMla("DEU"));
        var fra247 = api.As(DemoKeys.Fra247);

        await (await fra247.GetRequestAsync(draft)).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await fra247.GetRequestAsync(submitted)).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await fra247.SubmitAsync(draft)).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await fra247.DeleteRequestAsync(draft)).ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(await fra247.ListIdsAsync());
        await (await api.As(DemoKeys.Deu247).GetRequestAsync(submitted)).ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(await api.As(DemoKeys.Deu247).ListIdsAsync());
    }

    [Fact]
    public async Task The_contact_point_may_not_draft_mutual_legal_assistance()
    {
        await using var api = new ApiFactory(); // a host of its own: it lists every request
        var fra247 = api.As(DemoKeys.Fra247);

        await (await fra247.PostJsonAsync("/api/v1/requests", Bodies.MinimalDraft("DEU"))).ExpectProblemAsync(HttpStatusCode.Forbidden);
        Assert.Empty(await api.As(DemoKeys.Fra).ListIdsAsync());
    }

    [Fact]
    public async Task The_contact_point_drafts_an_expedited_preservation_its_central_authority_also_sees()
    {
        await using var api = new ApiFactory(); // a host of its own: it lists every request
        var fra247 = api.As(DemoKeys.Fra247);

        var created = await (await fra247.PostJsonAsync("/api/v1/requests", Bodies.MinimalDraft("DEU", "expedited-preservation")))
            .ExpectAsync(HttpStatusCode.Created);
        var id = created["id"].Str();
        Assert.Equal("expedited-preservation", created["kind"].Str());
        Assert.Equal("FRA", created["requestingState"].Str());
        Assert.Equal([id], await fra247.ListIdsAsync());
        Assert.Equal([id], await api.As(DemoKeys.Fra).ListIdsAsync());
    }

    [Fact]
    public async Task The_contact_point_may_not_turn_a_preservation_into_mutual_legal_assistance()
    {
        var fra247 = api.As(DemoKeys.Fra247);
        var id = await fra247.CreateDraftAsync(Bodies.MinimalDraft("DEU", "expedited-preservation"));

        await (await fra247.PatchJsonAsync($"/api/v1/requests/{id}", new JsonObject { ["kind"] = "mutual-legal-assistance" }))
            .ExpectProblemAsync(HttpStatusCode.Forbidden);
        var stored = await (await fra247.GetRequestAsync(id)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("expedited-preservation", stored["kind"].Str());
    }

    [Fact]
    public async Task The_requested_State_may_not_change_discard_or_submit_a_submitted_request()
    {
        var id = await api.As(DemoKeys.Fra).SubmitNewAsync(Bodies.CompleteMla("DEU"));
        var deu = api.As(DemoKeys.Deu);

        await (await deu.PatchJsonAsync($"/api/v1/requests/{id}", new JsonObject { ["facts"] = "changed by DEU" })).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await deu.DeleteRequestAsync(id)).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await deu.SubmitAsync(id)).ExpectProblemAsync(HttpStatusCode.Forbidden);

        var stored = await (await deu.GetRequestAsync(id)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("submitted", stored["status"].Str());
        Assert.Equal(2, stored["version"]!.GetValue<int>());
        Assert.Equal(Bodies.CompleteMla()["facts"].Str(), stored["facts"].Str());
    }
}
