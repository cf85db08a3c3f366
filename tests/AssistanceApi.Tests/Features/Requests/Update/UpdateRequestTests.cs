using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Features.Requests.Update;

public sealed class UpdateRequestTests(SharedApi api) : IClassFixture<SharedApi>
{
    private static string Url(string id) => $"/api/v1/requests/{id}";

    [Fact]
    public async Task A_merge_patch_changes_a_field_and_bumps_the_version()
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);
        var id = await fra.CreateDraftAsync(Bodies.CompleteMla());
        api.Clock.Advance(TimeSpan.FromMinutes(5));

        var response = await fra.PatchJsonAsync(Url(id), new JsonObject
        {
            ["facts"] = "New facts.",
            ["proceeding"] = new JsonObject { ["reference"] = "PNC-2026-43" },
        }, ifMatch: "\"1\"");
        var patched = await response.ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("\"2\"", response.Headers.ETag?.ToString());
        Assert.Equal(2, patched["version"]!.GetValue<int>());
        Assert.Equal("New facts.", patched["facts"].Str());
        Assert.Equal("PNC-2026-43", patched["proceeding"]!["reference"].Str());
        Assert.Equal("Ransomware attack on a hospital", patched["proceeding"]!["subject"].Str()); // objects merge
        Assert.Equal("2026-11-27T10:05:00Z", patched["updatedAt"].Str());
        Assert.Equal("2026-11-27T10:00:00Z", patched["createdAt"].Str());

        var read = await fra.GetRequestAsync(id);
        Assert.Equal("\"2\"", read.Headers.ETag?.ToString());
        Assert.Equal("New facts.", (await read.ExpectAsync(HttpStatusCode.OK))["facts"].Str());
    }

    [Fact]
    public async Task Null_removes_a_field_and_arrays_are_replaced()
    {
        var fra = api.As(DemoKeys.Fra);
        var id = await fra.CreateDraftAsync(Bodies.CompleteMla());

        var patched = await (await fra.PatchJsonAsync(Url(id), new JsonObject
        {
            ["facts"] = null,
            ["requestingAuthority"] = new JsonObject { ["email"] = null },
            ["measures"] = new JsonArray("video-hearing"),
        })).ExpectAsync(HttpStatusCode.OK);

        Assert.Null(patched["facts"]);
        Assert.Null(patched["requestingAuthority"]!["email"]);
        Assert.Equal("Parquet national cyber", patched["requestingAuthority"]!["name"].Str());
        Assert.Equal(["video-hearing"], patched["measures"]!.AsArray().Select(m => m.Str()));
    }

    public static TheoryData<string> PatchesToWhatIsThere() => new()
    {
        """{"facts":"Ransomware attack on a hospital"}""",
        """{"proceeding":{"subject":"Ransomware attack on a hospital"}}""",
        """{"relatedRequestId":null}""", // absent and null are the same
        """{}""",
    };

    [Theory]
    [MemberData(nameof(PatchesToWhatIsThere))]
    public async Task A_patch_whose_result_is_the_draft_as_it_is_changes_nothing(string patch)
    {
        var fra = api.As(DemoKeys.Fra);
        var body = Bodies.CompleteMla();
        body["facts"] = "Ransomware attack on a hospital";
        var id = await fra.CreateDraftAsync(body);
        var before = await (await fra.GetRequestAsync(id)).ExpectAsync(HttpStatusCode.OK);
        var history = (await fra.HistoryAsync(id))["events"]!.AsArray().Count;

        var response = await fra.PatchJsonAsync(Url(id), JsonNode.Parse(patch)!, ifMatch: "\"1\"");

        var answered = await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("\"1\"", response.Headers.ETag?.ToString());
        Assert.Equal(1, answered["version"]!.GetValue<int>());
        var after = await (await fra.GetRequestAsync(id)).ExpectAsync(HttpStatusCode.OK);
        Assert.True(JsonNode.DeepEquals(before, after), after.ToJsonString());
        Assert.Equal(history, (await fra.HistoryAsync(id))["events"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_stale_If_Match_is_a_412_and_changes_nothing()
    {
        var fra = api.As(DemoKeys.Fra);
        var id = await fra.CreateDraftAsync(Bodies.CompleteMla());
        await (await fra.PatchJsonAsync(Url(id), new JsonObject { ["facts"] = "v2" }, ifMatch: "\"1\"")).ExpectAsync(HttpStatusCode.OK);

        await (await fra.PatchJsonAsync(Url(id), new JsonObject { ["facts"] = "v3" }, ifMatch: "\"1\"")).ExpectProblemAsync(HttpStatusCode.PreconditionFailed);

        var stored = await (await fra.GetRequestAsync(id)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("v2", stored["facts"].Str());
        Assert.Equal(2, stored["version"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("\"abc\"")]
    [InlineData("\"-1\"")]
    public async Task An_If_Match_that_is_no_entity_tag_is_a_400(string ifMatch)
    {
        var fra = api.As(DemoKeys.Fra);
        var id = await fra.CreateDraftAsync(Bodies.CompleteMla());

        var problem = await (await fra.PatchJsonAsync(Url(id), new JsonObject { ["facts"] = "x" }, ifMatch: ifMatch)).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("If-Match", problem.Names());
        Assert.Equal(1, (await (await fra.GetRequestAsync(id)).ExpectAsync(HttpStatusCode.OK))["version"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("""{"urgent":"yes"}""", "urgent")]
    [InlineData("""{"offences":"x"}""", "offences")]
    [InlineData("""{"kind":"extradition"}""", "kind")]
    [InlineData("""{"kind":null}""", "kind")]
    [InlineData("""{"requestedState":"ZZZ"}""", "requestedState")]
    [InlineData("""{"facts":"a\u0001b"}""", "facts")]
    [InlineData("""{"requestingState":"DEU"}""", "requestingState")]
    [InlineData("""{"language":"english"}""", "language")]
    public async Task A_patch_giving_an_ill_formed_draft_is_a_400_and_the_draft_is_unchanged(string patch, string name)
    {
        var fra = api.As(DemoKeys.Fra);
        var id = await fra.CreateDraftAsync(Bodies.CompleteMla());
        var before = await (await fra.GetRequestAsync(id)).ExpectAsync(HttpStatusCode.OK);

        var problem = await (await fra.PatchJsonAsync(Url(id), JsonNode.Parse(patch)!)).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(name, problem.Names());
        var after = await (await fra.GetRequestAsync(id)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(before.ToJsonString(), after.ToJsonString());
    }

    [Fact]
    public async Task Patching_the_requested_State_to_the_callers_own_is_a_422()
    {
        var fra = api.As(DemoKeys.Fra);
        var id = await fra.CreateDraftAsync(Bodies.CompleteMla());

        var problem = await (await fra.PatchJsonAsync(Url(id), new JsonObject { ["requestedState"] = "FRA" })).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["uncc-40-1"], problem.Codes());
        Assert.Equal("DEU", (await (await fra.GetRequestAsync(id)).ExpectAsync(HttpStatusCode.OK))["requestedState"].Str());
    }

    [Fact]
    public async Task Patching_the_requested_State_to_another_State_readdresses_the_draft()
    {
        await using var api = new ApiFactory(); // a host of its own: it lists FRA's requests
        var fra = api.As(DemoKeys.Fra);
        var id = await fra.CreateDraftAsync(Bodies.CompleteMla("DEU"));

        await (await fra.PatchJsonAsync(Url(id), new JsonObject { ["requestedState"] = "KEN" })).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal([id], await fra.ListIdsAsync("counterpart=KEN"));
        Assert.Empty(await fra.ListIdsAsync("counterpart=DEU"));
    }

    [Fact]
    public async Task A_text_plain_patch_is_a_415_problem()
    {
        var fra = api.As(DemoKeys.Fra);
        var id = await fra.CreateDraftAsync(Bodies.CompleteMla());

        await (await fra.PatchJsonAsync(Url(id), new JsonObject { ["facts"] = "x" }, mediaType: "text/plain")).ExpectProblemAsync(HttpStatusCode.UnsupportedMediaType);

        Assert.Equal(1, (await (await fra.GetRequestAsync(id)).ExpectAsync(HttpStatusCode.OK))["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_patch_sent_as_application_json_is_accepted()
    {
        var fra = api.As(DemoKeys.Fra);
        var id = await fra.CreateDraftAsync(Bodies.CompleteMla());

        var patched = await (await fra.PatchJsonAsync(Url(id), new JsonObject { ["urgent"] = false }, mediaType: "application/json")).ExpectAsync(HttpStatusCode.OK);
        Assert.False(patched["urgent"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("[{\"facts\":\"x\"}]")]
    [InlineData("\"facts\"")]
    public async Task A_patch_that_is_not_a_JSON_object_is_a_400(string patch)
    {
        var fra = api.As(DemoKeys.Fra);
        var id = await fra.CreateDraftAsync(Bodies.CompleteMla());

        await (await fra.PatchJsonAsync(Url(id), JsonNode.Parse(patch)!)).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(1, (await (await fra.GetRequestAsync(id)).ExpectAsync(HttpStatusCode.OK))["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_patch_of_malformed_JSON_is_a_400()
    {
        var fra = api.As(DemoKeys.Fra);
        var id = await fra.CreateDraftAsync(Bodies.CompleteMla());
        var message = new HttpRequestMessage(HttpMethod.Patch, Url(id))
        {
            Content = new StringContent("{\"facts\":", System.Text.Encoding.UTF8, "application/merge-patch+json"),
        };

        await (await fra.SendAsync(message)).ExpectProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Patching_a_submitted_request_is_a_409_listing_the_allowed_actions()
    {
        var fra = api.As(DemoKeys.Fra);
        var id = await fra.SubmitNewAsync(Bodies.CompleteMla());

        var problem = await (await fra.PatchJsonAsync(Url(id), new JsonObject { ["facts"] = "late change" })).ExpectProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(["withdraw"], problem["allowedActions"]!.AsArray().Select(a => a.Str()));
        var stored = await (await fra.GetRequestAsync(id)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(Bodies.CompleteMla()["facts"].Str(), stored["facts"].Str());
    }

    [Fact]
    public async Task Patching_an_unknown_request_is_a_404()
    {
        await (await api.As(DemoKeys.Fra).PatchJsonAsync(Url(Guid.CreateVersion7().ToString()), new JsonObject { ["facts"] = "x" }))
            .ExpectProblemAsync(HttpStatusCode.NotFound);
    }
}
