using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Http;

/// <summary>
/// A precondition nothing checks is refused, not ignored: a revocation or a webhook's deletion sent with an If-Match
/// went through as if it had been checked, and a patch sent with If-None-Match: * changed a request that exists.
/// </summary>
public sealed class PreconditionRulesTests(SharedApi api) : IClassFixture<SharedApi>
{
    private static HttpRequestMessage With(HttpMethod method, string url, string ifMatch, JsonNode? body = null)
    {
        var message = new HttpRequestMessage(method, url);
        if (body is not null) message.Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        message.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return message;
    }

    [Fact]
    public async Task A_webhook_deleted_with_an_if_match_is_a_400_and_stays()
    {
        var fra = api.As(DemoKeys.Fra);
        var (id, _, _) = await fra.SubscribeAsync("https://receiver.example.org/hook");

        var problem = await (await fra.SendAsync(With(HttpMethod.Delete, $"{WebhookCalls.WebhooksUrl}/{id}", "\"1\""))).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["if-match-not-accepted"], problem.Codes());
        Assert.Equal(["If-Match"], problem.Names());
        await (await fra.GetAsync($"{WebhookCalls.WebhooksUrl}/{id}")).ExpectAsync(HttpStatusCode.OK);
        await (await fra.SendAsync(With(HttpMethod.Delete, $"{WebhookCalls.WebhooksUrl}/{id}", "*"))).ExpectAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_client_revoked_with_an_if_match_is_a_400_and_stays_active()
    {
        var admin = api.As(DemoKeys.FraAdmin);
        var issued = await admin.CreateClientAsync("central-authority", "FRA", "If-Match probe");

        var problem = await (await admin.SendAsync(With(HttpMethod.Delete, $"/api/v1/clients/{issued.Id}", "\"garbage\""))).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["if-match-not-accepted"], problem.Codes());
        await (await api.As(issued.Key).GetAsync("/api/v1/states/FRA")).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_create_with_an_if_match_is_a_400_and_creates_nothing()
    {
        var fra = api.As(DemoKeys.Fra);
        var before = (await fra.ListIdsAsync()).Count;

        var problem = await (await fra.SendAsync(With(HttpMethod.Post, "/api/v1/requests", "\"1\"", Bodies.MinimalDraft()))).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["if-match-not-accepted"], problem.Codes());
        Assert.Equal(before, (await fra.ListIdsAsync()).Count);
    }

    [Fact]
    public async Task A_request_s_change_still_reads_its_if_match()
    {
        var fra = api.As(DemoKeys.Fra);
        var id = await fra.CreateDraftAsync(Bodies.MinimalDraft());

        await (await fra.SendAsync(With(HttpMethod.Delete, $"/api/v1/requests/{id}", "\"2\""))).ExpectProblemAsync(HttpStatusCode.PreconditionFailed, "stale-version");
        await (await fra.SendAsync(With(HttpMethod.Delete, $"/api/v1/requests/{id}", "\"1\""))).ExpectAsync(HttpStatusCode.NoContent);
    }

    [Theory]
    [InlineData("If-None-Match", "*")]
    [InlineData("If-None-Match", "\"1\"")]
    [InlineData("If-Unmodified-Since", "Sat, 01 Jan 2000 00:00:00 GMT")]
    public async Task A_patch_with_a_precondition_nothing_checks_is_a_400_and_changes_nothing(string header, string value)
    {
        var fra = api.As(DemoKeys.Fra);
        var id = await fra.CreateDraftAsync(Bodies.MinimalDraft());
        var message = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/requests/{id}")
        {
            Content = new StringContent("""{"facts":"changed"}""", System.Text.Encoding.UTF8, "application/merge-patch+json"),
        };
        message.Headers.TryAddWithoutValidation(header, value);

        var problem = await (await fra.SendAsync(message)).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["precondition-not-accepted"], problem.Codes());
        Assert.Equal([header], problem.Names());
        Assert.Equal("\"1\"", (await fra.GetAsync($"/api/v1/requests/{id}")).ETag());
    }
}
