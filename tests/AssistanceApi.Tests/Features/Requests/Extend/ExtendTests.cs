using System.Net;
using AssistanceApi.Tests.Support;
using static AssistanceApi.Tests.Support.BodyParts;
using static AssistanceApi.Tests.Support.Preservations;

namespace AssistanceApi.Tests.Features.Requests.Extend;

/// <summary>The requesting State extends a preservation to a later day, and only to a later one (Art. 42(7)).</summary>
public sealed class ExtendTests(SharedApi api) : IClassFixture<SharedApi>
{
    [Fact]
    public async Task The_requesting_State_extends_to_a_later_date()
    {
        var x = await PreservedAsync(api, "2027-02-01");
        var extended = await x.ActAsync(x.Requesting, "extend", Until("2027-04-30"));
        Assert.Equal("preserved", extended["status"].Str());
        Assert.Equal(new DateTimeOffset(2027, 4, 30, 23, 59, 59, TimeSpan.Zero), extended["preservedUntil"].Time());
        Assert.Equal(new DateTimeOffset(2027, 4, 30, 23, 59, 59, TimeSpan.Zero), (await x.GetAsync(x.Requested))["preservedUntil"].Time());

        var events = (await x.Requesting.HistoryAsync(x.Id))["events"]!.AsArray();
        var extend = events.Single(e => e!["action"].Str() == "extend")!;
        Assert.Equal("FRA", extend["actorState"].Str());
        Assert.Equal("preserved", extend["fromStatus"].Str());
        Assert.Equal("preserved", extend["toStatus"].Str());
    }

    [Theory]
    [InlineData("2027-02-01")]
    [InlineData("2027-01-31")]
    [InlineData("2027-01-26")]
    public async Task Extending_to_the_same_or_an_earlier_date_is_refused_with_422(string until)
    {
        var x = await PreservedAsync(api, "2027-02-01");
        var problem = await (await x.TryAsync(x.Requesting, "extend", Until(until))).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("uncc-42-7", problem.Codes());
        Assert.Equal(new DateTimeOffset(2027, 2, 1, 23, 59, 59, TimeSpan.Zero), (await x.GetAsync(x.Requesting))["preservedUntil"].Time());
    }

    [Fact]
    public async Task The_requested_State_may_not_extend()
    {
        var x = await PreservedAsync(api, "2027-02-01");
        await (await x.TryAsync(x.Requested, "extend", Until("2027-03-01"))).ExpectProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(new DateTimeOffset(2027, 2, 1, 23, 59, 59, TimeSpan.Zero), (await x.GetAsync(x.Requested))["preservedUntil"].Time());
    }
}
