using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;
using static AssistanceApi.Tests.Support.WebhookCalls;

namespace AssistanceApi.Tests.Features.Webhooks;

/// <summary>Webhook subscriptions: the secret shown once and kept nowhere in clear, owned by a State and role, refused URLs.</summary>
public sealed class WebhooksTests(SharedApi api) : IClassFixture<SharedApi>
{
    private const string Url = "https://hooks.example.org/assistance";

    [Fact]
    public async Task Create_is_201_with_a_whsec_secret_shown_once()
    {
        var fra = api.As(DemoKeys.Fra);
        var created = await (await fra.PostJsonAsync(WebhooksUrl, WebhookBody(Url, ["request.submitted", "message.received"], "CMS")))
            .ExpectAsync(HttpStatusCode.Created);
        var secret = created["secret"].Str();
        var webhook = created["webhook"]!.AsObject();

        Assert.StartsWith("whsec_", secret);
        Assert.Equal(32, Convert.FromBase64String(secret[6..]).Length);
        Assert.Equal(Url, webhook["url"].Str());
        Assert.Equal("FRA", webhook["state"].Str());
        Assert.Equal("central-authority", webhook["role"].Str());
        Assert.Equal("""["request.submitted","message.received"]""", webhook["types"]!.ToJsonString());
        Assert.Equal("CMS", webhook["description"].Str());
        Assert.Null(webhook["disabledAt"]);

        var id = webhook["id"].Str();
        var read = await (await fra.GetAsync($"{WebhooksUrl}/{id}")).Content.ReadAsStringAsync();
        var list = await (await fra.GetAsync($"{WebhooksUrl}?limit=200")).Content.ReadAsStringAsync();
        Assert.Contains(id, read);
        Assert.Contains(id, list);
        foreach (var text in new[] { read, list })
        {
            Assert.DoesNotContain(secret[6..], text);
            Assert.DoesNotContain("secret", text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Without_types_every_type_is_delivered_and_the_types_are_null()
    {
        var (_, _, webhook) = await api.As(DemoKeys.Deu).SubscribeAsync(Url);

        Assert.Null(webhook["types"]);
    }

    [Theory]
    [InlineData("http://hooks.example.org/", "invalid-url")]
    [InlineData("https://127.0.0.1/hook", "invalid-url")]
    [InlineData("https://localhost/hook", "invalid-url")]
    [InlineData("https://169.254.169.254/latest/meta-data", "invalid-url")]
    [InlineData("https://10.1.2.3/", "invalid-url")]
    [InlineData("https://[fd00:ec2::254]/", "invalid-url")]
    [InlineData("not a url", "invalid-url")]
    [InlineData("", "required")]
    public async Task A_refused_url_is_400_outside_development(string url, string code)
    {
        var problem = await (await api.As(DemoKeys.Fra).PostJsonAsync(WebhooksUrl, WebhookBody(url))).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(code, problem.Codes());
    }

    [Fact]
    public async Task An_unknown_or_repeated_event_type_is_400()
    {
        var fra = api.As(DemoKeys.Fra);

        var unknown = await (await fra.PostJsonAsync(WebhooksUrl, WebhookBody(Url, ["request.submitted", "request.teleported"]))).ExpectProblemAsync(HttpStatusCode.BadRequest);
        var repeated = await (await fra.PostJsonAsync(WebhooksUrl, WebhookBody(Url, ["request.submitted", "request.submitted"]))).ExpectProblemAsync(HttpStatusCode.BadRequest);
        var empty = await (await fra.PostJsonAsync(WebhooksUrl, WebhookBody(Url, []))).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("unknown-event-type", unknown.Codes());
        Assert.Contains("duplicate", repeated.Codes());
        Assert.Contains("empty", empty.Codes());
    }

    [Fact]
    public async Task Every_endpoint_is_401_without_a_key_and_403_for_the_secretariat()
    {
        var (id, _, _) = await api.As(DemoKeys.Fra).SubscribeAsync(Url);
        var deliveryId = Guid.NewGuid();
        var calls = new (HttpMethod Method, string Url)[]
        {
            (HttpMethod.Post, WebhooksUrl), (HttpMethod.Get, WebhooksUrl), (HttpMethod.Get, $"{WebhooksUrl}/{id}"),
            (HttpMethod.Delete, $"{WebhooksUrl}/{id}"), (HttpMethod.Post, $"{WebhooksUrl}/{id}/rotate-secret"),
            (HttpMethod.Post, $"{WebhooksUrl}/{id}/test"), (HttpMethod.Get, $"{WebhooksUrl}/{id}/deliveries"),
            (HttpMethod.Post, $"{WebhooksUrl}/{id}/deliveries/{deliveryId}/retry"),
        };
        foreach (var (method, url) in calls)
        {
            await (await api.CreateClient().SendAsync(Support.Http.Message(method.Method, url, method == HttpMethod.Post ? WebhookBody(Url) : null)))
                .ExpectProblemTextAsync(HttpStatusCode.Unauthorized, $"{method} {url} without a key");
            await (await api.As(DemoKeys.Secretariat).SendAsync(Support.Http.Message(method.Method, url, method == HttpMethod.Post ? WebhookBody(Url) : null)))
                .ExpectProblemTextAsync(HttpStatusCode.Forbidden, $"{method} {url} as the secretariat");
        }
    }

    [Fact]
    public async Task Another_States_or_another_roles_subscription_is_404_and_unlisted()
    {
        var fra = api.As(DemoKeys.Fra);
        var (id, _, _) = await fra.SubscribeAsync(Url);
        await (await fra.PostAsync($"{WebhooksUrl}/{id}/test", null)).ExpectAsync(HttpStatusCode.Accepted);
        var deliveryId = (await fra.DeliveriesAsync(id))[0]!["id"].Str();

        foreach (var other in new[] { DemoKeys.Deu, DemoKeys.Bra, DemoKeys.Fra247, DemoKeys.FraAdmin })
        {
            var client = api.As(other);
            var calls = new (HttpMethod Method, string Url)[]
            {
                (HttpMethod.Get, $"{WebhooksUrl}/{id}"), (HttpMethod.Delete, $"{WebhooksUrl}/{id}"),
                (HttpMethod.Post, $"{WebhooksUrl}/{id}/rotate-secret"), (HttpMethod.Post, $"{WebhooksUrl}/{id}/test"),
                (HttpMethod.Get, $"{WebhooksUrl}/{id}/deliveries"), (HttpMethod.Post, $"{WebhooksUrl}/{id}/deliveries/{deliveryId}/retry"),
            };
            foreach (var (method, url) in calls)
            {
                var text = await (await client.SendAsync(Support.Http.Message(method.Method, url, null)))
                    .ExpectProblemTextAsync(HttpStatusCode.NotFound, $"{method} {url} as {other}");
                Assert.DoesNotContain(Url, text);
            }
            var list = await (await client.GetAsync($"{WebhooksUrl}?limit=200")).Content.ReadAsStringAsync();
            Assert.DoesNotContain(id, list);
        }

        // Still there for its owners: the State's other central-authority clients too.
        await (await fra.GetAsync($"{WebhooksUrl}/{id}")).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_unknown_id_is_404_and_a_malformed_one_400()
    {
        var fra = api.As(DemoKeys.Fra);
        var (id, _, _) = await fra.SubscribeAsync(Url);

        await (await fra.GetAsync($"{WebhooksUrl}/{Guid.NewGuid()}")).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await fra.PostAsync($"{WebhooksUrl}/{id}/deliveries/{Guid.NewGuid()}/retry", null)).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await fra.GetAsync($"{WebhooksUrl}/not-a-uuid")).ExpectProblemAsync(HttpStatusCode.BadRequest);
        await (await fra.PostAsync($"{WebhooksUrl}/{id}/deliveries/nope/retry", null)).ExpectProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Delete_is_204_and_the_subscription_is_gone_with_its_deliveries()
    {
        var fra = api.As(DemoKeys.Fra);
        var (id, _, _) = await fra.SubscribeAsync(Url);
        await (await fra.PostAsync($"{WebhooksUrl}/{id}/test", null)).ExpectAsync(HttpStatusCode.Accepted);

        var deleted = await fra.DeleteAsync($"{WebhooksUrl}/{id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await (await fra.GetAsync($"{WebhooksUrl}/{id}")).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await fra.DeleteAsync($"{WebhooksUrl}/{id}")).ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(await api.Database.QueryAsync<string>("SELECT status FROM webhook_deliveries WHERE subscription_id = @id", new { id = Guid.Parse(id) }));
    }

    [Fact]
    public async Task Test_queues_a_pending_webhook_test_delivery()
    {
        var fra = api.As(DemoKeys.Fra);
        var (id, _, _) = await fra.SubscribeAsync(Url);

        var queued = await (await fra.PostAsync($"{WebhooksUrl}/{id}/test", null)).ExpectAsync(HttpStatusCode.Accepted);

        Assert.Equal("webhook.test", queued["eventType"].Str());
        Assert.True(Guid.TryParse(queued["eventId"].Str(), out _));
        var listed = Assert.Single(await fra.DeliveriesAsync(id))!;
        Assert.Equal(queued["id"].Str(), listed["id"].Str());
    }

    [Fact]
    public async Task A_replayed_create_or_rotate_returns_no_secret_and_the_database_holds_none_in_clear()
    {
        var fra = api.As(DemoKeys.Fra);
        var body = WebhookBody(Url, description: "replayed");
        var key = $"webhook-{Guid.NewGuid()}";

        var first = await (await fra.PostWithKeyAsync(WebhooksUrl, key, body)).ExpectAsync(HttpStatusCode.Created);
        var replay = await (await fra.PostWithKeyAsync(WebhooksUrl, key, body)).ExpectAsync(HttpStatusCode.Created);
        var secret = first["secret"].Str();
        Assert.Null(first["secretShownOnce"]);
        Assert.False(replay.ContainsKey("secret"), replay.ToJsonString());
        Assert.True(replay["secretShownOnce"]!.GetValue<bool>());
        Assert.Equal(first["webhook"]!.ToJsonString(), replay["webhook"]!.ToJsonString());

        var id = first["webhook"]!["id"].Str();
        var rotateKey = $"rotate-{Guid.NewGuid()}";
        var rotated = await (await fra.PostWithKeyAsync($"{WebhooksUrl}/{id}/rotate-secret", rotateKey)).ExpectAsync(HttpStatusCode.OK);
        var rotateReplay = await (await fra.PostWithKeyAsync($"{WebhooksUrl}/{id}/rotate-secret", rotateKey)).ExpectAsync(HttpStatusCode.OK);
        var fresh = rotated["secret"].Str();
        Assert.NotEqual(secret, fresh);
        Assert.StartsWith("whsec_", fresh);
        Assert.False(rotateReplay.ContainsKey("secret"), rotateReplay.ToJsonString());
        Assert.True(rotateReplay["secretShownOnce"]!.GetValue<bool>());

        await using var connection = await api.Database.OpenAsync();
        var cells = await StoredCells.AllTextCellsAsync(connection);
        Assert.Contains(cells, c => c.Table == "webhook_subscriptions");
        foreach (var s in new[] { secret, fresh })
        {
            Assert.DoesNotContain(cells, c => c.Value.Contains(s[6..], StringComparison.Ordinal));
            var raw = Convert.FromBase64String(s[6..]);
            Assert.DoesNotContain(cells, c => c.Value.Contains(Convert.ToHexString(raw), StringComparison.OrdinalIgnoreCase));
        }
    }
}
