using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Host;

/// <summary>
/// The endpoints' binder fills body fields from query parameters, and a query parameter wins over the body. A change
/// (POST, PUT, PATCH) takes no query: otherwise fields arrive past the JSON rules, the input budget and the
/// Idempotency-Key fingerprint, which read only the body.
/// </summary>
public sealed class QueryBindingTests
{
    [Fact]
    public async Task A_draft_whose_query_names_another_requested_State_is_400_and_nothing_is_created()
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);

        var problem = await (await fra.PostJsonAsync("/api/v1/requests?requestedState=BRA&facts=from-the-query", Bodies.MinimalDraft("DEU")))
            .ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["query-not-accepted"], problem.Codes());
        Assert.Equal("requestedState", problem.Names()[0]);
        var outgoing = await (await fra.GetAsync("/api/v1/requests?direction=outgoing")).ExpectAsync(HttpStatusCode.OK);
        Assert.Empty(outgoing["items"]!.AsArray());
    }

    [Fact]
    public async Task A_directory_PUT_whose_query_sets_the_source_is_400_and_the_entry_is_unchanged()
    {
        await using var api = new ApiFactory();
        var secretariat = api.As(DemoKeys.Secretariat);
        var before = await (await secretariat.GetAsync("/api/v1/states/FRA")).ExpectAsync(HttpStatusCode.OK);

        var problem = await (await secretariat.PutAsync("/api/v1/states/FRA?source=from-the-query",
                new StringContent(before.ToJsonString(), Encoding.UTF8, "application/json")))
            .ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["query-not-accepted"], problem.Codes());
        var after = await (await secretariat.GetAsync("/api/v1/states/FRA")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(before.ToJsonString(), after.ToJsonString());
    }

    [Fact]
    public async Task A_client_create_replayed_with_a_query_that_changes_the_role_is_400_not_a_replay()
    {
        await using var api = new ApiFactory();
        var admin = api.As(DemoKeys.FraAdmin);
        var body = new JsonObject { ["state"] = "FRA", ["role"] = "central-authority", ["name"] = "Parquet national" };
        var first = new HttpRequestMessage(HttpMethod.Post, "/api/v1/clients")
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        first.Headers.Add("Idempotency-Key", "query-binding-1");
        await (await admin.SendAsync(first)).ExpectAsync(HttpStatusCode.Created);

        var second = new HttpRequestMessage(HttpMethod.Post, "/api/v1/clients?role=contact-point")
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        second.Headers.Add("Idempotency-Key", "query-binding-1");
        var problem = await (await admin.SendAsync(second)).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["query-not-accepted"], problem.Codes());
    }

    [Fact]
    public async Task An_action_or_a_merge_patch_with_a_query_is_400_and_the_draft_is_unchanged()
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);
        var id = await fra.CreateDraftAsync(Bodies.MinimalDraft());

        await (await fra.PostAsync($"/api/v1/requests/{id}/submit?reason=x", null)).ExpectProblemAsync(HttpStatusCode.BadRequest);
        await (await fra.PatchJsonAsync($"/api/v1/requests/{id}?facts=x", new JsonObject { ["purpose"] = "y" }, "\"1\""))
            .ExpectProblemAsync(HttpStatusCode.BadRequest);

        var draft = await (await fra.GetAsync($"/api/v1/requests/{id}")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1, draft["version"]!.GetValue<int>());
        Assert.Equal("draft", draft["status"].Str());
    }
}
