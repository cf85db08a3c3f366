using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;
using static AssistanceApi.Tests.Support.BodyParts;

namespace AssistanceApi.Tests.Features.Requests;

public sealed class PreservationScenarioTests
{
    private static JsonObject Until(string day) => new() { ["preservedUntil"] = day };

    [Fact]
    public async Task A_preservation_expires_when_its_period_passes_without_a_follow_up()
    {
        await using var api = new ApiFactory();
        var x = await new Exchange(api, DemoKeys.Fra247, DemoKeys.Deu247).SubmittedAsync(Bodies.CompletePreservation());
        await x.ActAsync(x.Requested, "acknowledge");
        var preserved = await x.ActAsync(x.Requested, "preserve", Until("2027-02-01"));
        Assert.Equal("preserved", preserved["status"].Str());
        Assert.Equal("2027-02-01T23:59:59Z", preserved["preservedUntil"].Str());

        api.Clock.Advance(TimeSpan.FromDays(67));
        Assert.Equal("expired", (await x.GetAsync(x.Requesting))["status"].Str());
        Assert.Equal(HttpStatusCode.Conflict, (await x.TryAsync(x.Requesting, "extend", Until("2027-03-01"))).StatusCode);
    }

    [Fact]
    public async Task A_pending_follow_up_keeps_the_data_preserved_until_it_ends()
    {
        await using var api = new ApiFactory();
        var x = await new Exchange(api).SubmittedAsync(Bodies.CompletePreservation());
        await x.WalkAsync((x.Requested, "acknowledge", null), (x.Requested, "preserve", Until("2027-02-01")));
        var followUp = await x.Requesting.SubmitNewAsync(Bodies.FollowUpMla(x.Id));

        api.Clock.Advance(TimeSpan.FromDays(100));
        Assert.Equal("preserved", (await x.GetAsync(x.Requested))["status"].Str());

        await (await x.Requesting.PostJsonAsync($"/api/v1/requests/{followUp}/withdraw", new JsonObject { ["reason"] = "Case closed." })).ExpectAsync(HttpStatusCode.OK);
        api.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("expired", (await x.GetAsync(x.Requested))["status"].Str());
    }
}
