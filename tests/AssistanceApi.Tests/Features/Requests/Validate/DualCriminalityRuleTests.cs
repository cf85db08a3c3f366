using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Features.Requests.Validate;

/// <summary>uncc-40-9: a warning when the requested State requires dual criminality and a coercive measure is sought.</summary>
public sealed class DualCriminalityRuleTests(SharedApi api) : IClassFixture<SharedApi>
{
    private static JsonObject Seeking(string requestedState, params string[] measures) =>
        Bodies.CompleteMla(requestedState).Set("measures", BodyParts.Array(measures))
            .Set("assistanceSought", "Search the server room and seize the storage devices.");

    [Theory]
    [InlineData("search-and-seizure")]
    [InlineData("freezing")]
    [InlineData("recovery-of-proceeds")]
    public async Task A_coercive_measure_asked_of_a_State_requiring_dual_criminality_is_warned_and_still_submits(string measure)
    {
        var fra = api.As(DemoKeys.Fra);
        var report = await fra.ValidateAsync(Seeking("DEU", "taking-evidence", measure));
        var finding = await fra.AssertFindingAsync(report, "uncc-40-9", "measures", severity: "warning");
        Assert.Contains("DEU", finding["reason"].Str());
        Assert.Contains(measure, finding["reason"].Str());
        Assert.DoesNotContain("taking-evidence", finding["reason"].Str());
        Assert.True(report.Compliant(), "a warning must not block: " + report.ToJsonString());
        Assert.All(report["findings"]!.AsArray(), f => Assert.Equal("warning", f!["severity"].Str()));

        var submitted = await fra.SubmitAcceptedAsync(Seeking("DEU", "taking-evidence", measure));
        Assert.Equal("DEU", submitted["requestedState"].Str());
    }

    [Theory]
    [InlineData("taking-evidence")]
    [InlineData("service-of-documents")]
    [InlineData("video-hearing")]
    public async Task A_non_coercive_measure_asked_of_a_State_requiring_dual_criminality_is_not_warned(string measure)
    {
        var fra = api.As(DemoKeys.Fra);
        var report = await fra.ValidateAsync(Seeking("DEU", measure));
        report.AssertNoFinding("uncc-40-9");
        Assert.True(report.Compliant(), report.ToJsonString());
        Assert.Empty(report["findings"]!.AsArray());
        await fra.SubmitAcceptedAsync(Seeking("DEU", measure));
    }

    [Theory]
    [InlineData("BRA")]
    [InlineData("KEN")]
    [InlineData("QAT")]
    public async Task A_coercive_measure_asked_of_a_State_not_requiring_dual_criminality_is_not_warned(string requestedState)
    {
        var fra = api.As(DemoKeys.Fra);
        var report = await fra.ValidateAsync(Seeking(requestedState, "search-and-seizure"));
        report.AssertNoFinding("uncc-40-9");
        Assert.True(report.Compliant(), report.ToJsonString());
        await fra.SubmitAcceptedAsync(Seeking(requestedState, "search-and-seizure"));
    }

    [Fact]
    public async Task The_warning_comes_with_errors_when_other_rules_fail_but_is_not_among_the_submit_errors()
    {
        var fra = api.As(DemoKeys.Fra);
        JsonObject Body() => Seeking("DEU", "search-and-seizure").Without("purpose");
        var report = await fra.ValidateAsync(Body());
        await fra.AssertFindingAsync(report, "uncc-40-9", "measures", severity: "warning");
        await fra.AssertFindingAsync(report, "uncc-40-15-f", "purpose");

        var problem = await fra.SubmitRejectedAsync(Body());
        await fra.AssertErrorAsync(problem, "uncc-40-15-f", "purpose");
        problem.AssertNoFinding("uncc-40-9", "errors"); // contract: the 422 errors are the error findings
    }
}
