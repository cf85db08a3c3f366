using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;
using static AssistanceApi.Tests.Support.BodyParts;
using static AssistanceApi.Tests.Support.Preservations;

namespace AssistanceApi.Tests.Features.Requests.Preserve;

/// <summary>
/// preserve (requested State), extend (requesting State) and release (either) of contract section 4, with the
/// minimum period of Art. 42(7). Submitted at 2026-11-27T10:00Z: the minimum runs to 2027-01-26T10:00Z, so the
/// earliest preservedUntil (a whole day, to 23:59:59Z) is 2027-01-26.
/// </summary>
public sealed class PreservationLifecycleTests(SharedApi api) : IClassFixture<SharedApi>
{
    private static async Task<Exchange> AcknowledgedAsync(ApiFactory api, string requestingKey = DemoKeys.Fra, string requestedKey = DemoKeys.Deu)
    {
        var x = await new Exchange(api, requestingKey, requestedKey).SubmittedAsync(Bodies.CompletePreservation());
        var acknowledged = await x.ActAsync(x.Requested, "acknowledge");
        Assert.Contains("preserve", acknowledged["allowedActions"]!.AsArray().Select(a => a.Str()));
        return x;
    }

    [Theory]
    [InlineData("2027-01-25")]
    [InlineData("2026-12-31")]
    [InlineData("2026-11-27")]
    public async Task Preserving_for_less_than_60_days_from_submission_is_refused_with_42_7(string until)
    {
        var x = await AcknowledgedAsync(api);
        var problem = await (await x.TryAsync(x.Requested, "preserve", Until(until))).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("uncc-42-7", problem.Codes());
        Assert.Contains("preservedUntil", problem.Names());
        await x.Requested.AssertCitesAsync("uncc-42-7", problem.WithCode("uncc-42-7", "errors")[0]["reason"].Str());

        var unchanged = await x.GetAsync(x.Requested);
        Assert.Equal("acknowledged", unchanged["status"].Str());
        Assert.Null(unchanged["preservedUntil"]);
    }

    [Fact]
    public async Task Preserving_for_exactly_60_days_passes_and_runs_to_the_end_of_that_day()
    {
        var x = await AcknowledgedAsync(api);
        var preserved = await x.ActAsync(x.Requested, "preserve", Until("2027-01-26"));
        Assert.Equal("preserved", preserved["status"].Str());
        Assert.Equal(new DateTimeOffset(2027, 1, 26, 23, 59, 59, TimeSpan.Zero), preserved["preservedUntil"].Time());
        Assert.Equal(["release"], preserved["allowedActions"]!.AsArray().Select(a => a.Str()).ToArray());
        var requesting = await x.GetAsync(x.Requesting);
        Assert.Equal(["extend", "release", "withdraw"], requesting["allowedActions"]!.AsArray().Select(a => a.Str()).Order().ToArray());
    }

    [Fact]
    public async Task The_minimum_counts_from_submission_not_from_the_day_of_preserving()
    {
        await using var api = new ApiFactory();
        var x = await new Exchange(api).SubmittedAsync(Bodies.CompletePreservation());
        api.Clock.Advance(TimeSpan.FromDays(10));
        await x.ActAsync(x.Requested, "acknowledge");
        // 60 days after submission suffices even though only 50 remain from today.
        var preserved = await x.ActAsync(x.Requested, "preserve", Until("2027-01-26"));
        Assert.Equal("preserved", preserved["status"].Str());
    }

    [Fact]
    public async Task Preserving_without_preservedUntil_is_a_400()
    {
        var x = await AcknowledgedAsync(api);
        var problem = await (await x.TryAsync(x.Requested, "preserve", new JsonObject())).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("preservedUntil", problem.Names());
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("2101-01-01")]
    public async Task Preserving_until_a_date_past_2100_is_a_400_and_changes_nothing(string until)
    {
        var x = await AcknowledgedAsync(api);
        var before = await x.GetAsync(x.Requested);
        var problem = await (await x.TryAsync(x.Requested, "preserve", Until(until))).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("preservedUntil", problem.Names());
        var after = await x.GetAsync(x.Requested);
        Assert.Equal(before["version"]!.GetValue<long>(), after["version"]!.GetValue<long>());
        Assert.Equal("acknowledged", after["status"].Str());
    }

    [Fact]
    public async Task Preserving_an_MLA_request_is_a_409()
    {
        var x = await new Exchange(api).SubmittedAsync(Bodies.CompleteMla());
        await x.ActAsync(x.Requested, "acknowledge");
        var problem = await (await x.TryAsync(x.Requested, "preserve", Until("2027-02-01"))).ExpectProblemAsync(HttpStatusCode.Conflict);
        var allowed = problem["allowedActions"]!.AsArray().Select(a => a.Str()).ToList();
        Assert.DoesNotContain("preserve", allowed);
        Assert.Contains("start-execution", allowed);
        Assert.Equal("acknowledged", (await x.GetAsync(x.Requested))["status"].Str());
    }

    [Fact]
    public async Task Preserving_before_acknowledging_is_a_409()
    {
        var x = await new Exchange(api).SubmittedAsync(Bodies.CompletePreservation());
        var problem = await (await x.TryAsync(x.Requested, "preserve", Until("2027-02-01"))).ExpectProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(["acknowledge"], problem["allowedActions"]!.AsArray().Select(a => a.Str()).ToArray());
        Assert.Equal("submitted", (await x.GetAsync(x.Requested))["status"].Str());
    }

    [Fact]
    public async Task Extending_or_releasing_before_preserving_is_a_409()
    {
        var x = await AcknowledgedAsync(api);
        await (await x.TryAsync(x.Requesting, "extend", Until("2027-02-01"))).ExpectProblemAsync(HttpStatusCode.Conflict);
        await (await x.TryAsync(x.Requested, "release", Reason("Not needed."))).ExpectProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData(DemoKeys.Fra247, DemoKeys.Deu247)]
    [InlineData(DemoKeys.Fra, DemoKeys.Deu)]
    [InlineData(DemoKeys.Fra247, DemoKeys.Deu)]
    [InlineData(DemoKeys.Fra, DemoKeys.Deu247)]
    public async Task The_whole_preservation_flow_runs_through_24_7_contact_points_and_central_authorities(string requestingKey, string requestedKey)
    {
        var x = await new Exchange(api, requestingKey, requestedKey).SubmittedAsync(Bodies.CompletePreservation());
        Assert.Equal("submitted", (await x.GetAsync(x.Requested))["status"].Str());
        var done = await x.WalkAsync(
            (x.Requested, "acknowledge", new JsonObject { ["requestedReference"] = "DEU-247-1" }),
            (x.Requested, "preserve", Until("2027-02-01")),
            (x.Requesting, "extend", Until("2027-03-15")),
            (x.Requested, "release", Reason("Data handed over under the follow-up.")));
        Assert.Equal("released", done["status"].Str());
        Assert.Equal("DEU", done["release"]!["byState"].Str());

        var history = await x.Requesting.HistoryAsync(x.Id);
        Assert.True(history["chainValid"]!.GetValue<bool>());
        Assert.Equal(["create", "submit", "acknowledge", "preserve", "extend", "release"],
            history["events"]!.AsArray().Select(e => e!["action"].Str()).ToArray());
    }
}
