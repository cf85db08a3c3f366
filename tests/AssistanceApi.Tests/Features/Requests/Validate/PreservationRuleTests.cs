using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Features.Requests.Validate;

/// <summary>What a request for expedited preservation must specify (Art. 42(2)(a)–(f)), for how long (42(7)), and to whom (41).</summary>
public sealed class PreservationRuleTests(SharedApi api) : IClassFixture<SharedApi>
{
    [Fact]
    public async Task A_complete_preservation_to_DEU_has_no_finding_at_all_and_submits()
    {
        var fra = api.As(DemoKeys.Fra);
        var report = await fra.ValidateAsync(Bodies.CompletePreservation());
        Assert.True(report.Compliant());
        Assert.Empty(report["findings"]!.AsArray());

        var submitted = await fra.SubmitAcceptedAsync(Bodies.CompletePreservation());
        Assert.Equal("expedited-preservation", submitted["kind"].Str());
    }

    /// <summary>Each break of Art. 42(2)(a)–(f) and 42(7), by validation: the code at the field's JSON path, citing the provision.</summary>
    [Theory]
    [InlineData("uncc-42-2-a", "requestingAuthority.name", "requestingAuthority.name", null)]
    [InlineData("uncc-42-2-a", "requestingAuthority.name", "requestingAuthority.name", "   ")]
    [InlineData("uncc-42-2-b", "offences", "offences", "[]")]
    [InlineData("uncc-42-2-b", "facts", "facts", null)]
    [InlineData("uncc-42-2-b", "facts", "facts", " ")]
    [InlineData("uncc-42-2-c", "preservation.data", "preservation.data", null)]
    [InlineData("uncc-42-2-c", "preservation.relationshipToOffence", "preservation.relationshipToOffence", null)]
    [InlineData("uncc-42-2-e", "preservation.necessity", "preservation.necessity", null)]
    [InlineData("uncc-42-2-f", "preservation.followUpIntended", "preservation.followUpIntended", null)]
    [InlineData("uncc-42-2-f", "preservation.followUpIntended", "preservation.followUpIntended", "false")]
    [InlineData("uncc-42-7", "preservation.periodDays", "preservation.periodDays", null)]
    [InlineData("uncc-42-7", "preservation.periodDays", "preservation.periodDays", "59")]
    [InlineData("uncc-42-7", "preservation.periodDays", "preservation.periodDays", "1")]
    public async Task A_preservation_missing_an_item_of_Art_42_fails_validation_with_that_code(string code, string path, string name, string? json)
    {
        var fra = api.As(DemoKeys.Fra);
        var body = Bodies.CompletePreservation();
        if (json is null) body.Without(path);
        else body.Set(path, JsonNode.Parse(json.Trim().Length == 0 ? $"\"{json}\"" : json));

        var report = await fra.ValidateAsync(body);
        await fra.AssertFindingAsync(report, code, name);
    }

    /// <summary>The same breaks stop submit: 422 with the code, nothing submitted.</summary>
    [Theory]
    [InlineData("uncc-42-2-a", "requestingAuthority")]
    [InlineData("uncc-42-2-b", "facts")]
    [InlineData("uncc-42-2-c", "preservation.data")]
    [InlineData("uncc-42-2-e", "preservation.necessity")]
    [InlineData("uncc-42-2-f", "preservation.followUpIntended")]
    [InlineData("uncc-42-7", "preservation.periodDays")]
    public async Task Submitting_a_preservation_missing_an_item_is_refused_with_422_and_the_code(string code, string path)
    {
        var fra = api.As(DemoKeys.Fra);
        var problem = await fra.SubmitRejectedForAsync(Bodies.CompletePreservation().Without(path), code);
        Assert.Equal(422, problem["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task Custodian_and_system_location_both_missing_fails_42_2_d_at_validation_and_submit()
    {
        var fra = api.As(DemoKeys.Fra);
        var body = Bodies.CompletePreservation().Without("preservation.custodian").Without("preservation.systemLocation");
        await fra.AssertFindingAsync(await fra.ValidateAsync(body), "uncc-42-2-d", "preservation.custodian");
        await fra.SubmitRejectedForAsync(body, "uncc-42-2-d", "preservation.custodian");

        // Blank text is no information either.
        var blank = Bodies.CompletePreservation().Set("preservation.custodian", " ").Set("preservation.systemLocation", "");
        await fra.AssertFindingAsync(await fra.ValidateAsync(blank), "uncc-42-2-d", "preservation.custodian");
    }

    [Theory]
    [InlineData("preservation.systemLocation")]
    [InlineData("preservation.custodian")]
    public async Task Either_the_custodian_or_the_system_location_suffices_for_42_2_d(string removed)
    {
        var fra = api.As(DemoKeys.Fra);
        var body = Bodies.CompletePreservation().Without(removed);
        (await fra.ValidateAsync(body)).AssertPasses("uncc-42-2-d");
        await fra.SubmitAcceptedAsync(body);
    }

    [Fact]
    public async Task Without_any_preservation_object_every_data_item_and_the_period_fail_together()
    {
        var fra = api.As(DemoKeys.Fra);
        var report = await fra.ValidateAsync(Bodies.CompletePreservation().Without("preservation"));
        foreach (var code in new[] { "uncc-42-2-c", "uncc-42-2-d", "uncc-42-2-e", "uncc-42-2-f", "uncc-42-7" })
            Assert.NotEmpty(report.WithCode(code));
        // The authority, offence and facts are still there.
        report.AssertNoFinding("uncc-42-2-a");
        report.AssertNoFinding("uncc-42-2-b");
    }

    [Theory]
    [InlineData(60)]
    [InlineData(61)]
    [InlineData(365)]
    public async Task A_period_of_at_least_60_days_passes_42_7(int days)
    {
        var fra = api.As(DemoKeys.Fra);
        var body = Bodies.CompletePreservation().Set("preservation.periodDays", days);
        (await fra.ValidateAsync(body)).AssertPasses("uncc-42-7");
        if (days == 60) await fra.SubmitAcceptedAsync(body);
    }

    [Fact]
    public async Task A_period_of_59_days_is_refused_at_submit_with_42_7()
    {
        var fra = api.As(DemoKeys.Fra);
        await fra.SubmitRejectedForAsync(Bodies.CompletePreservation().Set("preservation.periodDays", 59), "uncc-42-7", "preservation.periodDays");
    }

    [Fact]
    public async Task Follow_up_intended_true_passes_42_2_f()
    {
        var fra = api.As(DemoKeys.Fra);
        var report = await fra.ValidateAsync(Bodies.CompletePreservation().Set("preservation.followUpIntended", true));
        report.AssertPasses("uncc-42-2-f");
    }

    [Fact]
    public async Task A_preservation_to_NOR_which_has_no_24_7_contact_point_fails_41_1()
    {
        var fra = api.As(DemoKeys.Fra);
        var body = Bodies.CompletePreservation("NOR");
        // NOR is not a Party either (uncc-65-1): only the presence of uncc-41-1 is asserted.
        await fra.AssertFindingAsync(await fra.ValidateAsync(body), "uncc-41-1", "requestedState");
        await fra.SubmitRejectedForAsync(body, "uncc-41-1", "requestedState");
    }

    [Fact]
    public async Task A_preservation_to_DEU_which_has_a_24_7_contact_point_passes_41_1()
    {
        var fra247 = api.As(DemoKeys.Fra247);
        (await fra247.ValidateAsync(Bodies.CompletePreservation("DEU"))).AssertPasses("uncc-41-1");
    }

    [Fact]
    public async Task Dual_criminality_is_not_required_for_preservation_so_DEU_gives_no_40_9_warning()
    {
        var fra = api.As(DemoKeys.Fra);
        // Control: DEU does require dual criminality, and warns for a coercive MLA measure.
        var mla = await fra.ValidateAsync(Bodies.FollowUpMla(Guid.NewGuid().ToString()).Without("relatedRequestId"));
        await fra.AssertFindingAsync(mla, "uncc-40-9", "measures", "warning");

        var report = await fra.ValidateAsync(Bodies.CompletePreservation("DEU"));
        report.AssertNoFinding("uncc-40-9");
        Assert.DoesNotContain(report["findings"]!.AsArray(), f => f!["severity"].Str() == "warning");

        // The submit event records no warning either.
        var submitted = await fra.SubmitAcceptedAsync(Bodies.CompletePreservation("DEU"));
        var history = await fra.HistoryAsync(submitted["id"].Str());
        var submit = history["events"]!.AsArray().Single(e => e!["action"].Str() == "submit")!;
        Assert.Empty(submit["details"]!["warnings"]!.AsArray());
    }

    [Fact]
    public async Task A_preservation_that_breaks_several_items_lists_every_breach_at_once()
    {
        var fra = api.As(DemoKeys.Fra);
        var body = Bodies.CompletePreservation()
            .Without("requestingAuthority").Without("preservation.necessity").Set("preservation.periodDays", 30);
        var problem = await fra.SubmitRejectedForAsync(body, "uncc-42-2-a");
        var codes = problem.Codes();
        Assert.Contains("uncc-42-2-e", codes);
        Assert.Contains("uncc-42-7", codes);
    }
}
