using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;
using static AssistanceApi.Tests.Support.BodyParts;
using static AssistanceApi.Tests.Support.Preservations;
using static AssistanceApi.Tests.Support.RequestCalls;

namespace AssistanceApi.Tests.Features.Requests.Expire;

/// <summary>
/// The legal clock of a preservation (Art. 42(7)): reads show expired the moment preservedUntil passes; a pending
/// follow-up MLA request between the same States keeps the data preserved; the sweep persists what reads show.
/// Most tests run on a host without the background sweeper, so what they see is computed by the read alone.
/// </summary>
public sealed class PreservationClockTests
{
    /// <summary>Preserved until 2027-01-26, i.e. to 2027-01-26T23:59:59Z.</summary>
    private const string Until26 = "2027-01-26";

    private static readonly DateTimeOffset LastSecond = new(2027, 1, 26, 23, 59, 59, TimeSpan.Zero);
    private static readonly DateTimeOffset Lapsed = LastSecond.AddSeconds(1);

    [Fact]
    public async Task Expiry_shows_in_GET_and_in_the_lists_the_second_after_preservedUntil()
    {
        await using var api = new ApiFactory();
        var host = api.WithoutSweeper();
        var (fra, deu) = (host.As(DemoKeys.Fra), host.As(DemoKeys.Deu));
        var id = await PreservedIdAsync(fra, deu, Until26);

        api.AdvanceTo(LastSecond);
        Assert.Equal("preserved", await fra.StatusAsync(id));
        Assert.Contains(id, await fra.FirstPageIdsAsync("status=preserved"));
        Assert.DoesNotContain(id, await fra.FirstPageIdsAsync("status=expired"));

        api.AdvanceTo(Lapsed);
        foreach (var side in new[] { fra, deu })
        {
            var expired = await side.ReadRequestAsync(id);
            Assert.Equal("expired", expired["status"].Str());
            Assert.Empty(expired.Allowed());
            Assert.Contains(id, await side.FirstPageIdsAsync("status=expired"));
            Assert.DoesNotContain(id, await side.FirstPageIdsAsync("status=preserved"));
        }
        Assert.Contains(id, await deu.FirstPageIdsAsync("direction=incoming&status=expired"));
        Assert.Contains(id, await fra.FirstPageIdsAsync("direction=outgoing&status=expired"));

        // Nothing more can be done with it: 409 listing no actions.
        var extend = await (await fra.TryActAsync(id, "extend", Until("2027-06-01"))).ExpectProblemAsync(HttpStatusCode.Conflict);
        Assert.Empty(extend["allowedActions"]!.AsArray());
        await (await deu.TryActAsync(id, "release", Reason("Too late."))).ExpectProblemAsync(HttpStatusCode.Conflict);
        // The sweeper never ran: the row still says preserved; only reads computed the expiry.
        Assert.Equal("preserved", api.StoredStatus(id));
    }

    [Fact]
    public async Task An_extension_moves_the_moment_of_expiry()
    {
        await using var api = new ApiFactory();
        var host = api.WithoutSweeper();
        var (fra, deu) = (host.As(DemoKeys.Fra), host.As(DemoKeys.Deu));
        var id = await PreservedIdAsync(fra, deu, Until26);
        api.AdvanceTo(LastSecond.AddDays(-1));
        await fra.ActAsync(id, "extend", Until("2027-02-10"));

        api.AdvanceTo(Lapsed.AddDays(5));
        Assert.Equal("preserved", await deu.StatusAsync(id));
        api.AdvanceTo(new DateTimeOffset(2027, 2, 11, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal("expired", await deu.StatusAsync(id));
    }

    [Fact]
    public async Task A_submitted_follow_up_MLA_keeps_the_data_preserved_past_preservedUntil()
    {
        await using var api = new ApiFactory();
        var host = api.WithoutSweeper();
        var (fra, deu) = (host.As(DemoKeys.Fra), host.As(DemoKeys.Deu));
        var id = await PreservedIdAsync(fra, deu, Until26);
        var followUp = await fra.SubmitNewAsync(Bodies.FollowUpMla(id));

        api.AdvanceTo(Lapsed.AddDays(30));
        var preserved = await deu.ReadRequestAsync(id);
        Assert.Equal("preserved", preserved["status"].Str());
        Assert.Equal(["release"], preserved.Allowed());
        Assert.Contains(id, await fra.FirstPageIdsAsync("status=preserved"));
        Assert.DoesNotContain(id, await fra.FirstPageIdsAsync("status=expired"));
        // The follow-up moving on (acknowledged, in execution) keeps it pending too.
        await deu.ActAsync(followUp, "acknowledge");
        await deu.ActAsync(followUp, "start-execution");
        api.Clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal("preserved", await fra.StatusAsync(id));
    }

    [Theory]
    [InlineData("draft")]
    [InlineData("discarded")]
    [InlineData("other-requesting-state")]
    [InlineData("other-requested-state")]
    public async Task Only_a_submitted_follow_up_between_the_same_States_keeps_the_data_preserved(string followUp)
    {
        await using var api = new ApiFactory();
        var host = api.WithoutSweeper();
        var (fra, deu) = (host.As(DemoKeys.Fra), host.As(DemoKeys.Deu));
        var id = await PreservedIdAsync(fra, deu, Until26);
        switch (followUp)
        {
            case "draft":
                await fra.CreateDraftAsync(Bodies.FollowUpMla(id));
                break;
            case "discarded":
                var draft = await fra.CreateDraftAsync(Bodies.FollowUpMla(id));
                Assert.True((await fra.DeleteAsync($"{RequestsUrl}/{draft}")).IsSuccessStatusCode);
                break;
            case "other-requesting-state":
                // BRA asks DEU, naming FRA's preservation: it is not FRA's follow-up.
                var bra = host.As(DemoKeys.Bra);
                Assert.Equal("submitted", (await bra.ActAsync(await bra.CreateDraftAsync(Bodies.FollowUpMla(id)), "submit"))["status"].Str());
                break;
            case "other-requested-state":
                // FRA asks KEN, naming the preservation DEU holds.
                await fra.SubmitNewAsync(Bodies.FollowUpMla(id, "KEN"));
                break;
        }

        api.AdvanceTo(LastSecond);
        Assert.Equal("preserved", await deu.StatusAsync(id));
        api.AdvanceTo(Lapsed);
        Assert.Equal("expired", await deu.StatusAsync(id));
        Assert.Equal("expired", await fra.StatusAsync(id));
        Assert.Contains(id, await fra.FirstPageIdsAsync("status=expired"));
    }

    [Theory]
    [InlineData("executed")]
    [InlineData("withdrawn")]
    [InlineData("refused")]
    public async Task Once_the_follow_up_ends_the_preservation_is_expired_as_preservedUntil_has_passed(string end)
    {
        await using var api = new ApiFactory();
        var host = api.WithoutSweeper();
        var (fra, deu) = (host.As(DemoKeys.Fra), host.As(DemoKeys.Deu));
        var id = await PreservedIdAsync(fra, deu, Until26);
        var followUp = await fra.SubmitNewAsync(Bodies.FollowUpMla(id));
        api.AdvanceTo(Lapsed.AddDays(20));
        Assert.Equal("preserved", await fra.StatusAsync(id));

        await EndAsync(fra, deu, followUp, end);
        Assert.Equal(end, await fra.StatusAsync(followUp));
        api.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("expired", await fra.StatusAsync(id));
        Assert.Equal("expired", await deu.StatusAsync(id));
        Assert.Contains(id, await deu.FirstPageIdsAsync("status=expired"));
        Assert.DoesNotContain(id, await deu.FirstPageIdsAsync("status=preserved"));
    }

    [Fact]
    public async Task A_follow_up_that_ends_before_preservedUntil_leaves_the_preservation_running_to_its_date()
    {
        await using var api = new ApiFactory();
        var host = api.WithoutSweeper();
        var (fra, deu) = (host.As(DemoKeys.Fra), host.As(DemoKeys.Deu));
        var id = await PreservedIdAsync(fra, deu, Until26);
        var followUp = await fra.SubmitNewAsync(Bodies.FollowUpMla(id));
        api.Clock.Advance(TimeSpan.FromDays(5));
        await EndAsync(fra, deu, followUp, "withdrawn");

        api.AdvanceTo(LastSecond);
        Assert.Equal("preserved", await deu.StatusAsync(id));
        api.AdvanceTo(Lapsed);
        Assert.Equal("expired", await deu.StatusAsync(id));
    }

    [Fact]
    public async Task A_follow_up_submitted_after_the_preservation_lapsed_does_not_revive_it()
    {
        await using var api = new ApiFactory();
        var host = api.WithoutSweeper();
        var (fra, deu) = (host.As(DemoKeys.Fra), host.As(DemoKeys.Deu));
        var id = await PreservedIdAsync(fra, deu, Until26);
        api.AdvanceTo(Lapsed.AddDays(10));
        Assert.Equal("expired", await deu.StatusAsync(id));

        // Expired is terminal (contract §4): what reads showed must not depend on whether a sweep has run.
        await fra.SubmitNewAsync(Bodies.FollowUpMla(id));
        Assert.Equal("expired", await deu.StatusAsync(id));
        Assert.Contains(id, await deu.FirstPageIdsAsync("status=expired"));
    }

    [Fact]
    public async Task The_sweep_persists_the_expiry_with_an_expire_event_and_the_chain_stays_valid()
    {
        await using var api = new ApiFactory();
        var host = api.WithoutSweeper();
        var (fra, deu) = (host.As(DemoKeys.Fra), host.As(DemoKeys.Deu));
        var lapsing = await PreservedIdAsync(fra, deu, Until26);
        var later = await PreservedIdAsync(fra, deu, "2027-03-31");
        var heldByFollowUp = await PreservedIdAsync(fra, deu, Until26);
        await fra.SubmitNewAsync(Bodies.FollowUpMla(heldByFollowUp));
        var released = await PreservedIdAsync(fra, deu, Until26);
        await fra.ActAsync(released, "release", Reason("Not needed any more."));

        api.AdvanceTo(Lapsed);
        Assert.Equal("preserved", api.StoredStatus(lapsing));
        var before = await fra.ReadRequestAsync(lapsing);

        Assert.Equal(1, await host.SweepAsync());

        Assert.Equal("expired", api.StoredStatus(lapsing));
        Assert.Equal("preserved", api.StoredStatus(later));
        Assert.Equal("preserved", api.StoredStatus(heldByFollowUp));
        Assert.Equal("released", api.StoredStatus(released));

        var after = await fra.ReadRequestAsync(lapsing);
        Assert.Equal("expired", after["status"].Str());
        Assert.Equal(before["version"]!.GetValue<long>() + 1, after["version"]!.GetValue<long>());
        foreach (var side in new[] { fra, deu })
        {
            var history = await side.HistoryAsync(lapsing);
            Assert.True(history["chainValid"]!.GetValue<bool>(), history.ToJsonString());
            var last = history["events"]!.AsArray().Last()!;
            Assert.Equal("expire", last["action"].Str());
            Assert.Equal("preserved", last["fromStatus"].Str());
            Assert.Equal("expired", last["toStatus"].Str());
            Assert.Single(history["events"]!.AsArray(), e => e!["action"].Str() == "expire");
        }

        // A second sweep finds nothing more to do, and writes no second event.
        Assert.Equal(0, await host.SweepAsync());
        Assert.Single((await fra.HistoryAsync(lapsing))["events"]!.AsArray(), e => e!["action"].Str() == "expire");
        Assert.DoesNotContain((await fra.HistoryAsync(later))["events"]!.AsArray(), e => e!["action"].Str() == "expire");
    }

    [Fact]
    public async Task An_expired_preservation_reads_the_same_before_and_after_the_sweep()
    {
        await using var api = new ApiFactory();
        var host = api.WithoutSweeper();
        var (fra, deu) = (host.As(DemoKeys.Fra), host.As(DemoKeys.Deu));
        var id = await PreservedIdAsync(fra, deu, Until26);
        api.AdvanceTo(Lapsed.AddHours(3));

        var before = await deu.ReadRequestAsync(id);
        await host.SweepAsync();
        var after = await deu.ReadRequestAsync(id);
        foreach (var field in new[] { "status", "preservedUntil", "closedAt", "allowedActions" })
            Assert.True(before[field].Str() == after[field].Str(),
                $"{field} reads {before[field].Str()} before the sweep and {after[field].Str()} after it");
        Assert.NotNull(after["closedAt"]);
    }

    [Fact]
    public async Task The_background_sweeper_expires_lapsed_preservations_by_itself()
    {
        await using var api = new ApiFactory();
        var x = await PreservedAsync(api, Until26);
        api.AdvanceTo(Lapsed.AddMinutes(10));
        // The sweeper wakes on the moved clock and runs on its own: wait for it (bounded).
        for (var i = 0; i < 100 && api.StoredStatus(x.Id) != "expired"; i++) await Task.Delay(100);
        Assert.Equal("expired", api.StoredStatus(x.Id));
        var history = await x.Requested.HistoryAsync(x.Id);
        Assert.True(history["chainValid"]!.GetValue<bool>());
        Assert.Equal("expire", history["events"]!.AsArray().Last()!["action"].Str());
    }

    private static async Task EndAsync(HttpClient fra, HttpClient deu, string id, string end)
    {
        switch (end)
        {
            case "executed":
                await deu.ActAsync(id, "acknowledge");
                await deu.ActAsync(id, "start-execution");
                await deu.ActAsync(id, "complete", new JsonObject { ["outcome"] = "executed", ["summary"] = "Logs handed over." });
                break;
            case "withdrawn":
                await fra.ActAsync(id, "withdraw", Reason("Case closed."));
                break;
            case "refused":
                await deu.ActAsync(id, "acknowledge");
                await deu.ActAsync(id, "consult", new JsonObject { ["intent"] = "refuse", ["proposedConditions"] = new JsonArray("None possible") });
                await fra.ActAsync(id, "decline-conditions", new JsonObject { ["comment"] = "We cannot narrow it." });
                await deu.ActAsync(id, "refuse", new JsonObject { ["grounds"] = new JsonArray("essential-interests"), ["reasons"] = "Security." });
                break;
        }
    }
}
