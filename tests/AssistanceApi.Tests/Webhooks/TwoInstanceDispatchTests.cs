#if POSTGRES
using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;
using static AssistanceApi.Tests.Support.WebhookCalls;

namespace AssistanceApi.Tests.Webhooks;

/// <summary>Two API instances on one PostgreSQL database, both dispatching: each event reaches each subscription once.</summary>
public sealed class TwoInstanceDispatchTests
{
    private static ApiFactory Configure(ApiFactory api)
    {
        api.Settings["Webhooks:AllowedHosts"] = "127.0.0.1";
        api.Settings["Webhooks:PollMilliseconds"] = "20";
        return api;
    }

    [Fact]
    public async Task Two_instances_deliver_each_event_once_per_subscription()
    {
        await using var first = Configure(new ApiFactory());
        await using var second = Configure(new ApiFactory(first.Database));
        await using var deu = await WebhookReceiver.StartAsync();
        await using var fra = await WebhookReceiver.StartAsync();
        (_, deu.Secret, _) = await first.As(DemoKeys.Deu).SubscribeAsync(deu.Url, ["request.submitted"]);
        (_, fra.Secret, _) = await second.As(DemoKeys.Fra).SubscribeAsync(fra.Url, ["request.submitted"]);

        const int requests = 12;
        await Task.WhenAll(Enumerable.Range(0, requests).Select(i =>
            (i % 2 == 0 ? first : second).As(DemoKeys.Fra).SubmitNewAsync(Bodies.CompleteMla("DEU"))));

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (deu.Deliveries.Count < requests || fra.Deliveries.Count < requests)
        {
            Assert.True(DateTime.UtcNow < deadline, $"deliveries: DEU {deu.Deliveries.Count}, FRA {fra.Deliveries.Count} of {requests}");
            await Task.Delay(50);
        }
        await Task.Delay(1000); // time for a duplicate to show up, if any

        foreach (var receiver in new[] { deu, fra })
        {
            Assert.Equal(requests, receiver.Deliveries.Count);
            Assert.Equal(requests, receiver.Deliveries.Select(d => d.Id).Distinct().Count());
            Assert.All(receiver.Deliveries, d => Assert.True(d.SignatureValid));
            Assert.All(receiver.Deliveries, d => Assert.Equal("request.submitted", JsonNode.Parse(d.Body)!["type"].Str()));
        }
        var attemptCounts = await first.Database.QueryAsync<long>("SELECT DISTINCT attempt_count FROM webhook_deliveries");
        Assert.Equal(1L, Assert.Single(attemptCounts));
    }
}
#endif
