using System.Text.Json.Nodes;
using AssistanceApi.Features.Requests.Deadlines;
using AssistanceApi.Features.Requests.Expire;
using AssistanceApi.Tests.Support;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace AssistanceApi.Tests.Features.Requests.Deadlines;

/// <summary>What the passing of time does is announced once per occurrence, however often and however many sweeps run.</summary>
public sealed class DeadlineEventTests
{
    private static async Task SweepAsync(ApiFactory api, int times = 3)
    {
        // At once, so on PostgreSQL the sweeps race each other in separate transactions.
        await Task.WhenAll(Enumerable.Range(0, times).Select(async _ =>
        {
            await using var scope = api.Services.CreateAsyncScope();
            await DeadlineSweeper.SweepOnceAsync(scope.ServiceProvider.GetRequiredService<IMediator>(), CancellationToken.None);
        }));
    }

    private static async Task<List<JsonObject>> EventsAsync(ApiFactory api, HttpClient client, string requestId, string type) =>
        (await client.FollowAsync(api, types: type)).Events.Where(e => e["requestId"].Str() == requestId).ToList();

    [Fact]
    public async Task An_overdue_acknowledgement_is_announced_once_to_both_states_and_nobody_else()
    {
        await using var api = new ApiFactory();
        var c = await Case.AtAsync(api, "submitted");
        var acknowledgeBy = (await c.GetAsync(c.Fra))["acknowledgeBy"].Time();

        api.AdvanceTo(acknowledgeBy.AddSeconds(-1));
        await SweepAsync(api);
        Assert.Empty(await EventsAsync(api, c.Fra, c.Id, "request.acknowledgement-overdue"));

        api.AdvanceTo(acknowledgeBy.AddSeconds(1));
        await SweepAsync(api);
        await SweepAsync(api);

        var overdue = Assert.Single(await EventsAsync(api, c.Fra, c.Id, "request.acknowledgement-overdue"));
        Assert.Equal("system", overdue["actor"]!["role"].Str());
        Assert.Equal("submitted", overdue["status"].Str());
        Assert.Single(await EventsAsync(api, c.Deu, c.Id, "request.acknowledgement-overdue"));
        Assert.Empty(await EventsAsync(api, c.Bra, c.Id, "request.acknowledgement-overdue"));
    }

    [Fact]
    public async Task An_acknowledged_request_is_never_overdue()
    {
        await using var api = new ApiFactory();
        var c = await Case.AtAsync(api, "acknowledged");

        api.Clock.Advance(TimeSpan.FromDays(60));
        await SweepAsync(api);

        Assert.Empty(await EventsAsync(api, c.Fra, c.Id, "request.acknowledgement-overdue"));
    }

    [Fact]
    public async Task A_preservation_is_announced_as_expiring_once_a_period_and_as_expired_once()
    {
        await using var api = new ApiFactory();
        var x = await Preservations.PreservedAsync(api, until: "2027-01-26");
        var until = new DateTimeOffset(2027, 1, 26, 23, 59, 59, TimeSpan.Zero);

        api.AdvanceTo(until.AddDays(-8));
        await SweepAsync(api);
        Assert.Empty(await EventsAsync(api, x.Requesting, x.Id, "preservation.expiring"));

        api.AdvanceTo(until.AddDays(-6));
        await SweepAsync(api);
        api.AdvanceTo(until.AddDays(-2));
        await SweepAsync(api);
        Assert.Single(await EventsAsync(api, x.Requesting, x.Id, "preservation.expiring"));
        Assert.Single(await EventsAsync(api, x.Requested, x.Id, "preservation.expiring"));

        api.AdvanceTo(until.AddDays(1));
        for (var i = 0; i < 2; i++)
        {
            await using var scope = api.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ExpirePreservationsCommand());
        }
        var expired = Assert.Single(await EventsAsync(api, x.Requested, x.Id, "preservation.expired"));
        Assert.Equal("expired", expired["status"].Str());
        Assert.Equal("system", expired["actor"]!["role"].Str());
    }

    [Fact]
    public async Task A_passed_deadline_is_announced_once_while_the_request_is_open()
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);
        var open = await fra.SubmitNewAsync(Bodies.CompleteMlaWithDeadline("2026-12-20"));
        var withdrawn = await fra.SubmitNewAsync(Bodies.CompleteMlaWithDeadline("2026-12-20"));
        await fra.ActAsync(withdrawn, "withdraw", LifecycleTable.ValidBody("withdraw"));

        api.AdvanceTo(new DateTimeOffset(2026, 12, 20, 12, 0, 0, TimeSpan.Zero));
        await SweepAsync(api);
        Assert.Empty(await EventsAsync(api, fra, open, "request.deadline-passed"));

        api.AdvanceTo(new DateTimeOffset(2026, 12, 21, 12, 0, 0, TimeSpan.Zero));
        await SweepAsync(api);
        await SweepAsync(api);

        Assert.Single(await EventsAsync(api, fra, open, "request.deadline-passed"));
        Assert.Empty(await EventsAsync(api, fra, withdrawn, "request.deadline-passed"));
    }
}
