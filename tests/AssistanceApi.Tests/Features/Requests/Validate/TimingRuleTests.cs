using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Features.Requests.Validate;

/// <summary>uncc-40-25 (deadline and urgency with reasons) and uncc-2-o (emergency justified). Today is 2026-11-27 (ApiFactory.Start).</summary>
public sealed class TimingRuleTests(SharedApi api) : IClassFixture<SharedApi>
{
    // ---- uncc-40-25: deadline -----------------------------------------------------------------------

    [Theory]
    [InlineData("2026-11-26")] // yesterday
    [InlineData("2026-11-27")] // today
    [InlineData("2025-01-01")]
    public async Task A_deadline_not_in_the_future_fails(string deadline)
    {
        var fra = api.As(DemoKeys.Fra);
        JsonObject Body() => Bodies.CompleteMla().Set("deadline", deadline).Set("deadlineReasons", "Trial opens then.");
        var report = await fra.ValidateAsync(Body());
        var finding = await fra.AssertFindingAsync(report, "uncc-40-25", "deadline");
        Assert.Contains(deadline, finding["reason"].Str());
        Assert.DoesNotContain(report.WithCode("uncc-40-25"), f => f["name"].Str() == "deadlineReasons");

        var problem = await fra.SubmitRejectedAsync(Body());
        await fra.AssertErrorAsync(problem, "uncc-40-25", "deadline");
    }

    [Theory]
    [InlineData("2026-11-28")] // tomorrow
    [InlineData("2027-06-30")]
    public async Task A_future_deadline_with_reasons_passes(string deadline)
    {
        var fra = api.As(DemoKeys.Fra);
        JsonObject Body() => Bodies.CompleteMla().Set("deadline", deadline).Set("deadlineReasons", "The trial opens the week after.");
        var report = await fra.ValidateAsync(Body());
        report.AssertNoFinding("uncc-40-25");
        Assert.True(report.Compliant(), report.ToJsonString());

        var submitted = await fra.SubmitAcceptedAsync(Body());
        Assert.StartsWith(deadline, submitted["dueAt"].Str());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_future_deadline_without_reasons_fails(string? reasons)
    {
        var fra = api.As(DemoKeys.Fra);
        JsonObject Body()
        {
            var body = Bodies.CompleteMla().Set("deadline", "2026-12-15");
            return reasons is null ? body : body.Set("deadlineReasons", reasons);
        }
        var report = await fra.ValidateAsync(Body());
        await fra.AssertFindingAsync(report, "uncc-40-25", "deadlineReasons");
        Assert.DoesNotContain(report.WithCode("uncc-40-25"), f => f["name"].Str() == "deadline");

        var problem = await fra.SubmitRejectedAsync(Body());
        await fra.AssertErrorAsync(problem, "uncc-40-25", "deadlineReasons");
    }

    [Fact]
    public async Task A_past_deadline_without_reasons_reports_both_breaches()
    {
        var fra = api.As(DemoKeys.Fra);
        var report = await fra.ValidateAsync(Bodies.CompleteMla().Set("deadline", "2026-11-01"));
        await fra.AssertFindingAsync(report, "uncc-40-25", "deadline");
        await fra.AssertFindingAsync(report, "uncc-40-25", "deadlineReasons");
    }

    [Fact]
    public async Task A_deadline_that_passes_while_the_request_is_a_draft_blocks_submission()
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);
        var id = await fra.CreateDraftAsync(Bodies.CompleteMla().Set("deadline", "2026-11-28").Set("deadlineReasons", "Hearing on 30 Nov."));
        var before = await (await fra.PostAsync($"/api/v1/requests/{id}/validation", null)).ExpectAsync(HttpStatusCode.OK);
        Assert.True(before.Compliant(), before.ToJsonString());

        api.Clock.Advance(TimeSpan.FromDays(1)); // 2026-11-28: the deadline is today
        var problem = await (await fra.PostAsync($"/api/v1/requests/{id}/submit", null)).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);
        await fra.AssertErrorAsync(problem, "uncc-40-25", "deadline");
    }

    // ---- uncc-40-25: urgency ------------------------------------------------------------------------

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public async Task An_urgent_request_without_reasons_fails(string? reasons)
    {
        var fra = api.As(DemoKeys.Fra);
        JsonObject Body()
        {
            var body = Bodies.CompleteMla().Set("urgent", true);
            return reasons is null ? body : body.Set("urgencyReasons", reasons);
        }
        var report = await fra.ValidateAsync(Body());
        await fra.AssertFindingAsync(report, "uncc-40-25", "urgencyReasons");

        var problem = await fra.SubmitRejectedAsync(Body());
        await fra.AssertErrorAsync(problem, "uncc-40-25", "urgencyReasons");
    }

    [Fact]
    public async Task An_urgent_request_with_reasons_passes()
    {
        var fra = api.As(DemoKeys.Fra);
        JsonObject Body() => Bodies.CompleteMla().Set("urgent", true).Set("urgencyReasons", "The suspect leaves the country on Friday.");
        var report = await fra.ValidateAsync(Body());
        report.AssertNoFinding("uncc-40-25");
        Assert.True(report.Compliant(), report.ToJsonString());
        await fra.SubmitAcceptedAsync(Body());
    }

    [Fact]
    public async Task A_request_not_marked_urgent_needs_no_urgency_reasons()
    {
        var fra = api.As(DemoKeys.Fra);
        var report = await fra.ValidateAsync(Bodies.CompleteMla().Set("urgent", false));
        report.AssertNoFinding("uncc-40-25");
        Assert.True(report.Compliant(), report.ToJsonString());
    }

    [Fact]
    public async Task The_timing_rule_governs_an_expedited_preservation_too()
    {
        var fra = api.As(DemoKeys.Fra247);
        var report = await fra.ValidateAsync(Bodies.ContactPointPreservation("DEU").Set("urgent", true).Set("deadline", "2026-11-20"));
        await fra.AssertFindingAsync(report, "uncc-40-25", "urgencyReasons");
        await fra.AssertFindingAsync(report, "uncc-40-25", "deadline");
        await fra.AssertFindingAsync(report, "uncc-40-25", "deadlineReasons");
    }

    // ---- uncc-2-o: emergency ------------------------------------------------------------------------

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public async Task An_emergency_without_justification_fails(string? justification)
    {
        var fra = api.As(DemoKeys.Fra);
        JsonObject Body()
        {
            var body = Bodies.CompleteMla().Set("emergency", true);
            return justification is null ? body : body.Set("emergencyJustification", justification);
        }
        var report = await fra.ValidateAsync(Body());
        await fra.AssertFindingAsync(report, "uncc-2-o", "emergencyJustification");

        var problem = await fra.SubmitRejectedAsync(Body());
        await fra.AssertErrorAsync(problem, "uncc-2-o", "emergencyJustification");
    }

    [Fact]
    public async Task An_emergency_with_justification_passes()
    {
        var fra = api.As(DemoKeys.Fra);
        JsonObject Body() => Bodies.CompleteMla().Set("emergency", true)
            .Set("emergencyJustification", "A kidnapped child is held; the account holder's location is needed to find her.");
        var report = await fra.ValidateAsync(Body());
        report.AssertNoFinding("uncc-2-o");
        Assert.True(report.Compliant(), report.ToJsonString());
        await fra.SubmitAcceptedAsync(Body());
    }

    [Fact]
    public async Task A_request_that_is_no_emergency_needs_no_justification()
    {
        var fra = api.As(DemoKeys.Fra);
        var report = await fra.ValidateAsync(Bodies.CompleteMla().Set("emergency", false));
        report.AssertNoFinding("uncc-2-o");
        Assert.True(report.Compliant(), report.ToJsonString());
    }

    [Fact]
    public async Task The_emergency_rule_governs_an_expedited_preservation_too()
    {
        var fra = api.As(DemoKeys.Fra247);
        var problem = await fra.SubmitRejectedAsync(Bodies.ContactPointPreservation("DEU").Set("emergency", true));
        await fra.AssertErrorAsync(problem, "uncc-2-o", "emergencyJustification");
    }
}
