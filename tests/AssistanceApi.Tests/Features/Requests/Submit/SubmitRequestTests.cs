using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Features.Requests.Submit;

public sealed class SubmitRequestTests(SharedApi api) : IClassFixture<SharedApi>
{
    [Fact]
    public async Task A_complete_draft_is_submitted_with_a_reference()
    {
        await using var api = new ApiFactory(); // a host of its own: it expects the pair's first reference numbers
        var fra = api.As(DemoKeys.Fra);
        var id = await fra.CreateDraftAsync(Bodies.CompleteMla());
        api.Clock.Advance(TimeSpan.FromMinutes(30));

        var response = await fra.SubmitAsync(id);
        var submitted = await response.ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("submitted", submitted["status"].Str());
        Assert.Equal("FRA-DEU-2026-000001", submitted["reference"].Str());
        Assert.Equal("2026-11-27T10:30:00Z", submitted["submittedAt"].Str());
        Assert.Equal(2, submitted["version"]!.GetValue<int>());
        Assert.Equal("\"2\"", response.Headers.ETag?.ToString());
        Assert.Equal(["withdraw"], submitted["allowedActions"]!.AsArray().Select(a => a.Str()));

        var read = await (await fra.GetRequestAsync(id)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("FRA-DEU-2026-000001", read["reference"].Str());
    }

    [Fact]
    public async Task References_are_numbered_in_submission_order()
    {
        await using var api = new ApiFactory(); // a host of its own: it expects the pair's first reference numbers
        var fra = api.As(DemoKeys.Fra);
        var first = await fra.CreateDraftAsync(Bodies.CompleteMla());
        var second = await fra.CreateDraftAsync(Bodies.CompleteMla());

        var a = await (await fra.SubmitAsync(second)).ExpectAsync(HttpStatusCode.OK);
        var b = await (await fra.SubmitAsync(first)).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("FRA-DEU-2026-000001", a["reference"].Str());
        Assert.Equal("FRA-DEU-2026-000002", b["reference"].Str());
    }

    [Fact]
    public async Task Submitting_twice_is_a_409_listing_the_allowed_actions()
    {
        await using var api = new ApiFactory(); // a host of its own: it expects the pair's first reference numbers
        var fra = api.As(DemoKeys.Fra);
        var id = await fra.SubmitNewAsync(Bodies.CompleteMla());

        var problem = await (await fra.SubmitAsync(id)).ExpectProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(["withdraw"], problem["allowedActions"]!.AsArray().Select(a => a.Str()));
        var read = await (await fra.GetRequestAsync(id)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("FRA-DEU-2026-000001", read["reference"].Str());
        Assert.Equal(2, read["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_incomplete_draft_is_a_422_citing_each_provision_and_stays_a_draft()
    {
        await using var api = new ApiFactory(); // a host of its own: it expects DEU to see no request at all
        var fra = api.As(DemoKeys.Fra);
        var id = await fra.CreateDraftAsync(Bodies.MinimalDraft());

        var problem = await (await fra.SubmitAsync(id)).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        var codes = problem.Codes();
        foreach (var expected in new[] { "uncc-40-14", "uncc-40-15-a", "uncc-40-15-b", "uncc-40-15-c", "uncc-40-15-d", "uncc-40-15-f", "uncc-35-1" })
            Assert.Contains(expected, codes);
        Assert.DoesNotContain("uncc-40-15-e", codes); // a warning, not an error
        var errors = problem["errors"]!.AsArray();
        var a = Assert.Single(errors, e => e!["code"].Str() == "uncc-40-15-a")!;
        Assert.Equal("requestingAuthority.name", a["name"].Str());
        Assert.StartsWith("UNCC Art. 40(15)(a): ", a["reason"].Str());
        Assert.All(errors, e => Assert.StartsWith("UNCC Art. ", e!["reason"].Str()));

        var stored = await (await fra.GetRequestAsync(id)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("draft", stored["status"].Str());
        Assert.Equal(1, stored["version"]!.GetValue<int>());
        Assert.Null(stored["reference"]);
        Assert.Empty(await api.As(DemoKeys.Deu).ListIdsAsync());

        foreach (var code in codes.Distinct())
        {
            var provision = await (await fra.GetAsync($"/api/v1/provisions/{code}")).ExpectAsync(HttpStatusCode.OK);
            Assert.Equal(code, provision["id"].Str());
        }
    }

    [Fact]
    public async Task A_failed_submission_uses_no_reference_number()
    {
        await using var api = new ApiFactory(); // a host of its own: it expects the pair's first reference numbers
        var fra = api.As(DemoKeys.Fra);
        var incomplete = await fra.CreateDraftAsync(Bodies.MinimalDraft());
        await (await fra.SubmitAsync(incomplete)).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        var id = await fra.SubmitNewAsync(Bodies.CompleteMla());

        Assert.Equal("FRA-DEU-2026-000001", (await (await fra.GetRequestAsync(id)).ExpectAsync(HttpStatusCode.OK))["reference"].Str());
    }

    [Theory]
    [InlineData("2026-11-27")] // today is not in the future
    [InlineData("2026-11-01")]
    public async Task A_deadline_not_in_the_future_is_a_422_on_uncc_40_25(string deadline)
    {
        var fra = api.As(DemoKeys.Fra);
        var id = await fra.CreateDraftAsync(Bodies.CompleteMlaWithDeadline(deadline));

        var problem = await (await fra.SubmitAsync(id)).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["uncc-40-25"], problem.Codes());
        Assert.Equal(["deadline"], problem.Names());
    }

    [Fact]
    public async Task A_deadline_without_reasons_is_a_422_on_uncc_40_25()
    {
        var fra = api.As(DemoKeys.Fra);
        var body = Bodies.CompleteMla();
        body["deadline"] = "2027-01-15";
        var id = await fra.CreateDraftAsync(body);

        var problem = await (await fra.SubmitAsync(id)).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["deadlineReasons"], problem.Names());
    }

    [Fact]
    public async Task A_stale_If_Match_on_submit_is_a_412()
    {
        var fra = api.As(DemoKeys.Fra);
        var id = await fra.CreateDraftAsync(Bodies.CompleteMla());
        await (await fra.PatchJsonAsync($"/api/v1/requests/{id}", new JsonObject { ["urgent"] = false })).ExpectAsync(HttpStatusCode.OK);

        await (await fra.SendWithIfMatchAsync(HttpMethod.Post, $"/api/v1/requests/{id}/submit", "\"1\"")).ExpectProblemAsync(HttpStatusCode.PreconditionFailed);

        Assert.Equal("draft", (await (await fra.GetRequestAsync(id)).ExpectAsync(HttpStatusCode.OK))["status"].Str());
    }
}
