using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Features.Requests.Deadlines;
using AssistanceApi.Tests.Support;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using static AssistanceApi.Tests.Support.WebhookCalls;

namespace AssistanceApi.Tests.Telemetry;

/// <summary>
/// A slice of ordinary traffic for the telemetry tests: a webhook subscription and its deliveries, a draft refused at
/// submission (treaty findings), a request submitted and acknowledged, one left to pass its acknowledgement deadline,
/// a client over its rate limit and a wrong key. Every request's facts carry <see cref="FactsMarker"/>.
/// </summary>
public sealed class TelemetryWalk
{
    public const string FactsMarker = "FACTS-MARKER-7f3a9c1e";

    /// <summary>The per-client limit in the walk's host: small, so one client goes over it.</summary>
    public const int PermitsPerMinute = 40;

    /// <summary>The signing secret of the walk's subscription (shown once, in the 201).</summary>
    public string WebhookSecret { get; private set; } = "";

    public string WrongKey { get; } = "uncc_0badc0de_" + new string('x', 40);

    public static void Configure(ApiFactory api)
    {
        api.Settings["Webhooks:PollMilliseconds"] = "50";
        api.Settings["Webhooks:AllowedHosts"] = "127.0.0.1";
        api.Settings["RateLimiting:PermitsPerMinute"] = PermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Through <paramref name="host"/> when given (a variant of <paramref name="api"/> with other logging), else through the API itself.</summary>
    public async Task RunAsync(ApiFactory api, WebhookReceiver receiver, Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>? host = null)
    {
        host ??= api;
        var fra = host.As(DemoKeys.Fra);
        var deu = host.As(DemoKeys.Deu);
        var (_, secret, _) = await fra.SubscribeAsync(receiver.Url);
        receiver.Secret = WebhookSecret = secret;

        var incomplete = Bodies.MinimalDraft();
        incomplete["facts"] = FactsMarker;
        var refused = await fra.CreateDraftAsync(incomplete);
        await (await fra.SubmitAsync(refused)).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "treaty-rules-not-met");

        var acknowledged = await fra.SubmitNewAsync(WithMarker(Bodies.CompleteMla()));
        await deu.ActAsync(acknowledged, "acknowledge", new JsonObject { ["requestedReference"] = "BfJ-" + FactsMarker });
        var overdue = await fra.SubmitNewAsync(WithMarker(Bodies.CompleteMla()));
        var acknowledgeBy = (await fra.ReadRequestAsync(overdue))["acknowledgeBy"].Time();

        await (await host.As(WrongKey).GetAsync("/api/v1/states")).ExpectProblemAsync(HttpStatusCode.Unauthorized);
        var bra = host.As(DemoKeys.Bra);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= PermitsPerMinute; i++) statuses.Add((await bra.GetAsync("/api/v1/offences")).StatusCode);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);

        // The events of the three requests (drafted, submitted, acknowledged) reach the receiver.
        await Until(() => receiver.Deliveries.Count >= 6, "the webhook deliveries");
        Assert.All(receiver.Deliveries, d => Assert.True(d.SignatureValid));

        // The background sweep wakes when the clock moves, and may announce it before this one does.
        api.AdvanceTo(acknowledgeBy.AddMinutes(1));
        await using var scope = host.Services.CreateAsyncScope();
        await DeadlineSweeper.SweepOnceAsync(scope.ServiceProvider.GetRequiredService<IMediator>(), CancellationToken.None);
        var announced = await api.Database.QueryAsync<long>(
            "SELECT COUNT(*) FROM events WHERE type = 'request.acknowledgement-overdue' AND request_id = @id", new { id = Guid.Parse(overdue) });
        Assert.Equal(1, Assert.Single(announced));
    }

    private static JsonObject WithMarker(JsonObject body)
    {
        body["facts"] = FactsMarker;
        return body;
    }

    public static async Task Until(Func<bool> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!done())
        {
            Assert.True(DateTime.UtcNow < deadline, $"waited 20 s for {what}");
            await Task.Delay(50);
        }
    }
}
