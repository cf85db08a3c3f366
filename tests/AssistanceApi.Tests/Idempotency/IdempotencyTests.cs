using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;
using static AssistanceApi.Tests.Support.LifecycleTable;

namespace AssistanceApi.Tests.Idempotency;

/// <summary>Idempotency-Key on POSTs (contract §1): a retry replays, a reuse is refused, keys live 24 hours.</summary>
public sealed class IdempotencyTests
{
    private static Task<HttpResponseMessage> CreateAsync(HttpClient client, string key, string body)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, "/api/v1/requests") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        message.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return client.SendAsync(message);
    }

    private static async Task<string[]> OutgoingIdsAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/v1/requests?direction=outgoing")).ExpectAsync(HttpStatusCode.OK))["items"]!.AsArray()
            .Select(r => r!["id"].Str()).ToArray();

    [Fact]
    public async Task A_create_retried_with_the_same_key_and_body_replays_the_first_response()
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);
        var body = Bodies.CompleteMla().ToJsonString();

        var first = await CreateAsync(fra, "create-1", body);
        var firstBody = await first.ExpectAsync(HttpStatusCode.Created);
        var second = await CreateAsync(fra, "create-1", body);
        var secondBody = await second.ExpectAsync(HttpStatusCode.Created);

        Assert.Equal(firstBody["id"].Str(), secondBody["id"].Str());
        Assert.Equal(firstBody.Version(), secondBody.Version());
        Assert.Equal("\"1\"", first.ETag());
        Assert.Equal(first.ETag(), second.ETag());
        Assert.Equal([firstBody["id"].Str()], await OutgoingIdsAsync(fra));
        Assert.Equal(["create"], (await (await fra.GetAsync(Case.UrlFor(firstBody["id"].Str(), "history"))).ExpectAsync(HttpStatusCode.OK))["events"]!
            .AsArray().Select(e => e!["action"].Str()).ToArray());
    }

    // Escaped differently by the API's two serializer settings (non-ASCII, HTML-sensitive and control characters).
    private const string Awkward = "Données — 漢字 😀 <b>&amp;</b> \"q\" 'single' back\\slash\nline\u2028 +33";

    [Fact]
    public async Task A_replayed_create_or_action_is_byte_for_byte_the_first_answer_and_the_request_as_read()
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);
        var body = Bodies.CompleteMla();
        body["facts"] = Awkward;
        body["requestingAuthority"]!["name"] = "Zoë <b>漢字</b> & \"q\" 😀";

        var first = await CreateAsync(fra, "create-bytes", body.ToJsonString());
        await first.ExpectAsync(HttpStatusCode.Created);
        var created = await first.Content.ReadAsStringAsync();
        Assert.Contains("漢字", created);
        Assert.Equal(created, await (await CreateAsync(fra, "create-bytes", body.ToJsonString())).Content.ReadAsStringAsync());
        var c = Case.For(api, JsonNode.Parse(created)!["id"].Str());
        Assert.Equal(created, await (await fra.GetAsync(c.Url())).Content.ReadAsStringAsync());

        var submit = await c.PostAsync(fra, "submit", null, idempotencyKey: "submit-bytes");
        await submit.ExpectAsync(HttpStatusCode.OK);
        var submitted = await submit.Content.ReadAsStringAsync();
        Assert.Contains("漢字", submitted);
        Assert.Equal(submitted, await (await c.PostAsync(fra, "submit", null, idempotencyKey: "submit-bytes")).Content.ReadAsStringAsync());
        Assert.Equal(submitted, await (await fra.GetAsync(c.Url())).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ten_simultaneous_creates_with_one_key_make_one_request()
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);
        var body = Bodies.CompleteMla().ToJsonString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => CreateAsync(fra, "burst", body)));

        var ids = new List<string>();
        foreach (var response in responses) ids.Add((await response.ExpectAsync(HttpStatusCode.Created))["id"].Str());
        Assert.Single(ids.Distinct());
        Assert.Equal([ids[0]], await OutgoingIdsAsync(fra));
    }

    /// <summary>
    /// A key past its 24 hours that no sweep has removed yet (the clock does not move, so none runs): the next call with it
    /// runs as new and takes the key over, and the call after that replays the new response.
    /// </summary>
    [Fact]
    public async Task An_expired_key_still_stored_is_taken_over_by_the_next_call()
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);
        var body = Bodies.CompleteMla().ToJsonString();
        var first = (await (await CreateAsync(fra, "aged", body)).ExpectAsync(HttpStatusCode.Created))["id"].Str();
        Assert.Equal(1, await api.Database.ExecuteAsync("UPDATE idempotency_keys SET created_at = @aged", new { aged = api.Clock.GetUtcNow().AddHours(-25) }));

        var second = (await (await CreateAsync(fra, "aged", body)).ExpectAsync(HttpStatusCode.Created))["id"].Str();
        var third = (await (await CreateAsync(fra, "aged", body)).ExpectAsync(HttpStatusCode.Created))["id"].Str();

        Assert.NotEqual(first, second);
        Assert.Equal(second, third);
        Assert.Equal(2, (await OutgoingIdsAsync(fra)).Length);
        Assert.Single(await api.Database.QueryAsync<string>("SELECT idempotency_key FROM idempotency_keys"));
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_422_and_creates_nothing()
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);
        var id = (await (await CreateAsync(fra, "create-1", Bodies.CompleteMla().ToJsonString())).ExpectAsync(HttpStatusCode.Created))["id"].Str();

        var problem = await (await CreateAsync(fra, "create-1", Bodies.CompleteMla("KEN").ToJsonString()))
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");

        Assert.Equal(["idempotency-key-reused"], problem.Codes());
        Assert.Equal([id], await OutgoingIdsAsync(fra));
    }

    [Fact]
    public async Task Keys_belong_to_their_client()
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);
        var deu = api.As(DemoKeys.Deu);
        var body = Bodies.CompleteMla("KEN").ToJsonString(); // the same bytes are a valid draft for both States

        var fromFra = (await (await CreateAsync(fra, "shared-key", body)).ExpectAsync(HttpStatusCode.Created));
        var fromDeu = (await (await CreateAsync(deu, "shared-key", body)).ExpectAsync(HttpStatusCode.Created));

        Assert.NotEqual(fromFra["id"].Str(), fromDeu["id"].Str());
        Assert.Equal("FRA", fromFra["requestingState"].Str());
        Assert.Equal("DEU", fromDeu["requestingState"].Str());
        Assert.Equal([fromDeu["id"].Str()], await OutgoingIdsAsync(deu));
        // FRA's key still replays FRA's request, and another body under it is still refused for FRA.
        Assert.Equal(fromFra["id"].Str(), (await (await CreateAsync(fra, "shared-key", body)).ExpectAsync(HttpStatusCode.Created))["id"].Str());
        await (await CreateAsync(deu, "shared-key", Bodies.CompleteMla("BRA").ToJsonString()))
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
    }

    [Fact]
    public async Task A_submit_retried_with_its_key_replays_instead_of_409()
    {
        await using var api = new ApiFactory();
        var c = await Case.AtAsync(api, "draft");

        var first = await (await c.PostAsync(c.Fra, "submit", null, idempotencyKey: "submit-1")).ExpectAsync(HttpStatusCode.OK);
        var second = await c.PostAsync(c.Fra, "submit", null, idempotencyKey: "submit-1");
        var replayed = await second.ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("submitted", replayed["status"].Str());
        Assert.Equal(first.Version(), replayed.Version());
        Assert.Equal(first["reference"].Str(), replayed["reference"].Str());
        Assert.Equal($"\"{first.Version()}\"", second.ETag());
        Assert.Equal(["create", "submit"], await c.HistoryActionsAsync());
        // Without the key, the same call is what it is: not possible any more.
        await (await c.PostAsync(c.Fra, "submit", null)).ExpectProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("acknowledge", "submitted")]
    [InlineData("withdraw", "acknowledged")]
    [InlineData("complete", "in-execution")]
    public async Task An_action_retried_with_its_key_replays_instead_of_409(string action, string from)
    {
        await using var api = new ApiFactory();
        var c = await Case.AtAsync(api, from);
        var client = c.Side(SideOf(action));

        var first = await (await c.PostAsync(client, action, ValidBody(action), idempotencyKey: $"{action}-1")).ExpectAsync(HttpStatusCode.OK);
        var second = await c.PostAsync(client, action, ValidBody(action), idempotencyKey: $"{action}-1");
        var replayed = await second.ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(first["status"].Str(), replayed["status"].Str());
        Assert.Equal(first.Version(), replayed.Version());
        Assert.Equal($"\"{first.Version()}\"", second.ETag());
        Assert.Equal(first.Version(), (await c.GetAsync(client)).Version());
        Assert.Single(await c.HistoryActionsAsync(), a => a == action);
    }

    [Fact]
    public async Task A_key_used_for_one_action_is_refused_for_another()
    {
        await using var api = new ApiFactory();
        var c = await Case.AtAsync(api, "acknowledged");
        await (await c.PostAsync(c.Deu, "start-execution", null, idempotencyKey: "k-1")).ExpectAsync(HttpStatusCode.OK);
        var snapshot = await c.SnapshotAsync();

        await (await c.PostAsync(c.Deu, "consult", ValidBody("consult"), idempotencyKey: "k-1"))
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
        await c.AssertUnchangedAsync(snapshot);
    }

    [Fact]
    public async Task A_failed_call_does_not_use_up_its_key()
    {
        await using var api = new ApiFactory();
        var c = await Case.AtAsync(api, "submitted");
        var body = new JsonObject { ["requestedReference"] = "BfJ-1" };

        // FRA may not acknowledge: nothing is stored under its key, so the same key works for a real call later.
        await (await c.PostAsync(c.Fra, "acknowledge", body, idempotencyKey: "retry-me")).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await c.PostAsync(c.Fra, "withdraw", ValidBody("withdraw"), idempotencyKey: "retry-me")).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_message_retried_with_its_key_is_sent_once()
    {
        await using var api = new ApiFactory();
        var c = await Case.AtAsync(api, "submitted");
        var body = new JsonObject { ["kind"] = "status-inquiry", ["text"] = "Any news?" };

        var first = await (await c.PostAsync(c.Fra, "messages", body, idempotencyKey: "msg-1")).ExpectAsync(HttpStatusCode.Created);
        var second = await (await c.PostAsync(c.Fra, "messages", body, idempotencyKey: "msg-1")).ExpectAsync(HttpStatusCode.Created);

        Assert.Equal(first["id"].Str(), second["id"].Str());
        Assert.Single((await (await c.Deu.GetAsync(c.Url("messages"))).ExpectAsync(HttpStatusCode.OK))["items"]!.AsArray());
    }

    public static TheoryData<string> InvalidKeys => new()
    {
        new string('k', 300),
        new string('k', 256),
        "two words",
        "tab\tkey",
    };

    [Theory]
    [MemberData(nameof(InvalidKeys))]
    public async Task An_invalid_key_is_400_and_nothing_happens(string key)
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);

        var problem = await (await CreateAsync(fra, key, Bodies.CompleteMla().ToJsonString())).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["invalid-idempotency-key"], problem.Codes());
        Assert.Empty(await OutgoingIdsAsync(fra));
    }

    [Fact]
    public async Task A_key_of_255_visible_characters_is_valid()
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);
        await (await CreateAsync(fra, new string('k', 255), Bodies.CompleteMla().ToJsonString())).ExpectAsync(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData(23, false)]
    [InlineData(25, true)]
    public async Task A_key_is_forgotten_after_24_hours(int hours, bool forgotten)
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);
        var body = Bodies.CompleteMla().ToJsonString();
        var first = (await (await CreateAsync(fra, "daily", body)).ExpectAsync(HttpStatusCode.Created))["id"].Str();

        api.Clock.Advance(TimeSpan.FromHours(hours));
        var again = (await (await CreateAsync(fra, "daily", body)).ExpectAsync(HttpStatusCode.Created))["id"].Str();

        Assert.Equal(forgotten, again != first);
        Assert.Equal(forgotten ? 2 : 1, (await OutgoingIdsAsync(fra)).Length);
        if (forgotten)
        {
            // The key now belongs to the second request: a third call replays that one.
            var third = (await (await CreateAsync(fra, "daily", body)).ExpectAsync(HttpStatusCode.Created))["id"].Str();
            Assert.Equal(again, third);
        }
    }
}
