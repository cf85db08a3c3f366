using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Features.Requests.Discard;

public sealed class DiscardRequestTests
{
    [Fact]
    public async Task A_discarded_draft_is_gone_for_everyone()
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);
        var id = await fra.CreateDraftAsync(Bodies.CompleteMla());
        var kept = await fra.CreateDraftAsync(Bodies.CompleteMla());

        var response = await fra.DeleteRequestAsync(id);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());

        await (await fra.GetRequestAsync(id)).ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal([kept], await fra.ListIdsAsync());
        await (await fra.DeleteRequestAsync(id)).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await fra.SubmitAsync(id)).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await fra.PatchJsonAsync($"/api/v1/requests/{id}", new JsonObject { ["facts"] = "x" })).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Deleting_a_submitted_request_is_a_409_listing_the_allowed_actions()
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);
        var id = await fra.SubmitNewAsync(Bodies.CompleteMla());

        var problem = await (await fra.DeleteRequestAsync(id)).ExpectProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(["withdraw"], problem["allowedActions"]!.AsArray().Select(a => a.Str()));
        Assert.Equal("submitted", (await (await fra.GetRequestAsync(id)).ExpectAsync(HttpStatusCode.OK))["status"].Str());
        Assert.Equal([id], await api.As(DemoKeys.Deu).ListIdsAsync());
    }

    [Fact]
    public async Task A_stale_If_Match_is_a_412_and_the_draft_stays()
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);
        var id = await fra.CreateDraftAsync(Bodies.CompleteMla());
        await (await fra.PatchJsonAsync($"/api/v1/requests/{id}", new JsonObject { ["facts"] = "v2" })).ExpectAsync(HttpStatusCode.OK);

        await (await fra.SendWithIfMatchAsync(HttpMethod.Delete, $"/api/v1/requests/{id}", "\"1\"")).ExpectProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal([id], await fra.ListIdsAsync());

        var ok = await fra.SendWithIfMatchAsync(HttpMethod.Delete, $"/api/v1/requests/{id}", "\"2\"");
        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        Assert.Empty(await fra.ListIdsAsync());
    }
}
