using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;
using static AssistanceApi.Tests.Support.ClientCalls;
using static AssistanceApi.Tests.Support.WebhookCalls;

namespace AssistanceApi.Tests.Webhooks;

/// <summary>The fan-out from the event outbox: each subscription gets the events its owner may see and asked for, once.</summary>
public sealed class WebhookDispatcherTests
{
    private static ApiFactory Api(string timeoutSeconds = "2")
    {
        var api = new ApiFactory();
        api.Settings["Webhooks:AllowedHosts"] = "127.0.0.1";
        api.Settings["Webhooks:PollMilliseconds"] = "50";
        api.Settings["Webhooks:TimeoutSeconds"] = timeoutSeconds;
        return api;
    }

    private static async Task<WebhookReceiver> SubscribedAsync(HttpClient client, string[]? types = null)
    {
        var receiver = await WebhookReceiver.StartAsync();
        var (_, secret, _) = await client.SubscribeAsync(receiver.Url, types);
        receiver.Secret = secret;
        return receiver;
    }

    private static async Task UntilAsync(Func<Task<bool>> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, $"{what}: not in time");
            await Task.Delay(50);
        }
    }

    private static string[] Types(WebhookReceiver receiver) =>
        receiver.Deliveries.Select(d => JsonNode.Parse(d.Body)!["type"].Str()).ToArray();

    [Fact]
    public async Task Each_subscription_gets_the_events_its_State_and_role_may_see_and_a_third_State_none()
    {
        await using var api = Api();
        await using var fraCa = await SubscribedAsync(api.As(DemoKeys.Fra), ["request.submitted"]);
        await using var deuCa = await SubscribedAsync(api.As(DemoKeys.Deu));
        await using var ken = await SubscribedAsync(api.As(DemoKeys.Ken));
        await using var fra247 = await SubscribedAsync(api.As(DemoKeys.Fra247));
        await using var fraAdmin = await SubscribedAsync(api.As(DemoKeys.FraAdmin));

        var requestId = await api.As(DemoKeys.Fra).SubmitNewAsync(Bodies.CompleteMla("DEU"));
        await api.As(DemoKeys.FraAdmin).CreateClientAsync("contact-point", "FRA", "France 24/7 (webhooks)");

        await UntilAsync(async () => fraCa.Deliveries.Count == 1 && deuCa.Deliveries.Count == 1 && fraAdmin.Deliveries.Count == 1
            && (await api.Database.QueryAsync<long>("SELECT position FROM webhook_dispatch_cursor"))[0]
            == (await api.Database.QueryAsync<long>("SELECT MAX(position) FROM events"))[0], "deliveries");
        await Task.Delay(300);

        Assert.Equal(["request.submitted"], Types(fraCa));
        Assert.Equal(["request.submitted"], Types(deuCa)); // the requested State never sees the draft
        Assert.Equal(["client.created"], Types(fraAdmin)); // a state-admin reads no request
        Assert.Empty(ken.Deliveries);
        Assert.Empty(fra247.Deliveries); // a contact point handles only the expedited kinds
        Assert.Empty(await api.Database.QueryAsync<string>(
            "SELECT d.event_type FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id WHERE s.owner_state = 'KEN' OR s.owner_role = 'contact-point'"));

        foreach (var received in new[] { fraCa, deuCa, fraAdmin }.Select(r => r.Deliveries.Single()))
        {
            Assert.True(received.SignatureValid);
            var body = JsonNode.Parse(received.Body)!;
            Assert.Equal(received.Id, body["id"].Str());
            var stored = await api.Database.QueryAsync<string>("SELECT type FROM events WHERE id = @id", new { id = Guid.Parse(received.Id) });
            Assert.Equal(body["type"].Str(), Assert.Single(stored));
        }
        var submitted = JsonNode.Parse(fraCa.Deliveries.Single().Body)!;
        Assert.Equal(requestId, submitted["requestId"].Str());
        Assert.Equal("DEU", submitted["requestedState"].Str());
        Assert.Equal("FRA", submitted["actor"]!["state"].Str());
        Assert.Null(submitted["subject"]);
        var documented = JsonNode.Parse(await File.ReadAllTextAsync(RepoRoot.File("openapi", "assistance-api.v1.json")))!
            ["components"]!["schemas"]!["WebhookEvent"]!["properties"]!.AsObject().Select(p => p.Key).ToList();
        Assert.All(submitted.AsObject().Select(p => p.Key), key => Assert.Contains(key, documented));
    }

    [Fact]
    public async Task A_hanging_receiver_does_not_slow_the_write_path()
    {
        await using var api = Api(timeoutSeconds: "10");
        await using var hanging = await WebhookReceiver.StartAsync(async (_, context) =>
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }));
        var fra = api.As(DemoKeys.Fra);
        var (_, secret, _) = await fra.SubscribeAsync(hanging.Url);
        hanging.Secret = secret;
        await fra.SubmitNewAsync(Bodies.CompleteMla("DEU"));
        await UntilAsync(() => Task.FromResult(hanging.Deliveries.Count > 0), "the first delivery reaching the hanging receiver");

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 5; i++) await fra.SubmitNewAsync(Bodies.CompleteMla("DEU"));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"five submissions took {watch.Elapsed} while a receiver hangs");
    }

    [Fact]
    public async Task An_event_is_fanned_out_once_however_often_the_dispatcher_runs()
    {
        await using var api = Api();
        await using var deu = await SubscribedAsync(api.As(DemoKeys.Deu));
        await api.As(DemoKeys.Fra).SubmitNewAsync(Bodies.CompleteMla("DEU"));
        await UntilAsync(() => Task.FromResult(deu.Deliveries.Count == 1), "delivery");

        // A crash after fanning out but before the cursor moved: the dispatcher reads the same events again.
        await api.Database.ExecuteAsync("UPDATE webhook_dispatch_cursor SET position = 0");
        await UntilAsync(async () => (await api.Database.QueryAsync<long>("SELECT position FROM webhook_dispatch_cursor"))[0] > 0, "the cursor moving again");
        await Task.Delay(300);

        Assert.Single(deu.Deliveries);
        Assert.Single(await api.Database.QueryAsync<string>("SELECT CAST(id AS TEXT) FROM webhook_deliveries"));
    }

    [Fact]
    public async Task A_subscription_receives_the_events_from_its_creation_on()
    {
        await using var api = Api();
        await api.As(DemoKeys.Fra).SubmitNewAsync(Bodies.CompleteMla("DEU"));
        api.Clock.Advance(TimeSpan.FromSeconds(1));
        await using var deu = await SubscribedAsync(api.As(DemoKeys.Deu));
        api.Clock.Advance(TimeSpan.FromSeconds(1));

        // As if the dispatcher lagged behind the subscription: it reads the earlier events too.
        await api.Database.ExecuteAsync("UPDATE webhook_dispatch_cursor SET position = 0");
        var later = await api.As(DemoKeys.Fra).SubmitNewAsync(Bodies.CompleteMla("DEU"));
        await UntilAsync(() => Task.FromResult(deu.Deliveries.Count >= 1), "delivery");
        await Task.Delay(300);

        Assert.Equal(later, JsonNode.Parse(Assert.Single(deu.Deliveries).Body)!["requestId"].Str());
    }
}
