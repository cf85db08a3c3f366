using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.SystemTests;

/// <summary>Two API instances on one PostgreSQL database, as a scaled-out deployment runs them.</summary>
public sealed class MultiInstanceTests
{
    [Fact]
    public async Task Racing_the_same_action_on_two_instances_succeeds_exactly_once()
    {
        await using var one = new ApiFactory();
        await using var two = new ApiFactory(one.Database);
        var id = await one.As(DemoKeys.Fra).SubmitNewAsync(Bodies.CompleteMla());
        var deu = new[] { one.As(DemoKeys.Deu), two.As(DemoKeys.Deu) };

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            deu[i % 2].PostJsonAsync($"/api/v1/requests/{id}/acknowledge", new JsonObject())));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK),
            r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Conflict, HttpStatusCode.PreconditionFailed }));
        var history = await (await two.As(DemoKeys.Fra).GetAsync($"/api/v1/requests/{id}/history")).ExpectAsync(HttpStatusCode.OK);
        Assert.Single(history["events"]!.AsArray(), e => e!["action"].Str() == "acknowledge");
        Assert.True(history["chainValid"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_key_revoked_on_one_instance_is_refused_by_the_other_at_once()
    {
        await using var one = new ApiFactory();
        await using var two = new ApiFactory(one.Database);
        var issued = await one.As(DemoKeys.FraAdmin).CreateClientAsync("central-authority", "FRA", "France (revoked elsewhere)");
        // Both instances have authenticated the key before it is revoked.
        await (await one.As(issued.Key).GetAsync("/api/v1/states")).ExpectAsync(HttpStatusCode.OK);
        await (await two.As(issued.Key).GetAsync("/api/v1/states")).ExpectAsync(HttpStatusCode.OK);

        await one.As(DemoKeys.FraAdmin).RevokeAsync(issued.Id);

        await (await two.As(issued.Key).GetAsync("/api/v1/states")).ExpectProblemAsync(HttpStatusCode.Unauthorized);
        await (await one.As(issued.Key).GetAsync("/api/v1/states")).ExpectProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_idempotency_key_replayed_on_the_other_instance_returns_the_same_request()
    {
        await using var one = new ApiFactory();
        await using var two = new ApiFactory(one.Database);

        async Task<HttpResponseMessage> Create(ApiFactory api)
        {
            var client = api.As(DemoKeys.Fra);
            client.DefaultRequestHeaders.Add("Idempotency-Key", "create-once-7d1c");
            return await client.PostJsonAsync("/api/v1/requests", Bodies.CompleteMla());
        }

        var first = await (await Create(one)).ExpectAsync(HttpStatusCode.Created);
        var replay = await (await Create(two)).ExpectAsync(HttpStatusCode.Created);

        Assert.Equal(first["id"].Str(), replay["id"].Str());
        var list = await (await two.As(DemoKeys.Fra).GetAsync("/api/v1/requests?direction=outgoing")).ExpectAsync(HttpStatusCode.OK);
        Assert.Single(list["items"]!.AsArray());
    }

    [Fact]
    public async Task Concurrent_creates_on_both_instances_lose_and_duplicate_nothing()
    {
        await using var one = new ApiFactory();
        await using var two = new ApiFactory(one.Database);
        var clients = new[] { one.As(DemoKeys.Fra), two.As(DemoKeys.Fra) };

        // 60 creates, every second one carrying a key that is also sent by the other instance at the same time.
        var sends = Enumerable.Range(0, 60).Select(i =>
        {
            var body = Bodies.CompleteMla();
            body["facts"] = $"Facts of case {i / 2}";
            var message = new HttpRequestMessage(HttpMethod.Post, "/api/v1/requests")
            {
                Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
            };
            message.Headers.Add("Idempotency-Key", $"case-{i / 2}");
            return clients[i % 2].SendAsync(message);
        });
        var responses = await Task.WhenAll(sends);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var ids = new List<string>();
        foreach (var r in responses) ids.Add((await r.JsonAsync())["id"].Str());
        Assert.Equal(30, ids.Distinct().Count());

        var stored = await one.Database.QueryAsync<long>("SELECT COUNT(*) FROM requests WHERE requesting_state = 'FRA'");
        Assert.Equal(30, stored.Single());
        var references = await one.Database.QueryAsync<long>("SELECT COUNT(*) FROM request_events WHERE action = 'create'");
        Assert.Equal(30, references.Single());
    }
}
