using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Features.Requests.Validate;

/// <summary>uncc-65-1 (Convention in force), uncc-40-13 (central authority), uncc-41-1 (24/7 contact point), uncc-40-14 (language).</summary>
public sealed class StatusRuleTests(SharedApi api) : IClassFixture<SharedApi>
{
    // ---- uncc-65-1 ---------------------------------------------------------------------------------

    [Fact]
    public async Task Convention_basis_between_two_parties_in_force_passes_and_submits()
    {
        var fra = api.As(DemoKeys.Fra);
        var report = await fra.ValidateAsync(Bodies.CompleteMla("DEU"));
        Assert.True(report.Compliant(), report.ToJsonString());
        report.AssertNoFinding("uncc-65-1");
        await fra.SubmitAcceptedAsync(Bodies.CompleteMla("DEU"));
    }

    [Fact]
    public async Task Convention_basis_with_a_non_party_requested_State_fails()
    {
        var fra = api.As(DemoKeys.Fra);
        var body = Bodies.CompleteMla("NOR");
        var report = await fra.ValidateAsync(body);
        var finding = await fra.AssertFindingAsync(report, "uncc-65-1", "legalBasis");
        Assert.Contains("NOR", finding["reason"].Str());
        Assert.Single(report.WithCode("uncc-65-1")); // FRA is a Party: only NOR is reported

        var problem = await fra.SubmitRejectedAsync(Bodies.CompleteMla("NOR"));
        await fra.AssertErrorAsync(problem, "uncc-65-1", "legalBasis");
    }

    [Fact]
    public async Task An_omitted_legal_basis_is_the_Convention_and_fails_for_a_non_party()
    {
        var fra = api.As(DemoKeys.Fra);
        var report = await fra.ValidateAsync(Bodies.CompleteMla("NOR").Without("legalBasis"));
        await fra.AssertFindingAsync(report, "uncc-65-1", "legalBasis");

        var problem = await fra.SubmitRejectedAsync(Bodies.CompleteMla("NOR").Without("legalBasis"));
        await fra.AssertErrorAsync(problem, "uncc-65-1", "legalBasis");
    }

    [Theory]
    [InlineData("bilateral-treaty")]
    [InlineData("reciprocity")]
    public async Task Another_legal_basis_with_a_non_party_passes_the_rule_and_submits(string legalBasis)
    {
        var fra = api.As(DemoKeys.Fra);
        var report = await fra.ValidateAsync(Bodies.CompleteMla("NOR").Set("legalBasis", legalBasis));
        report.AssertNoFinding("uncc-65-1");
        Assert.True(report.Compliant(), report.ToJsonString()); // NOR has a central authority and accepts en

        await fra.SubmitAcceptedAsync(Bodies.CompleteMla("NOR").Set("legalBasis", legalBasis));
    }

    [Fact]
    public async Task A_non_party_requesting_State_fails_with_the_Convention_as_basis()
    {
        var nor = api.As(DemoKeys.Nor);
        var report = await nor.ValidateAsync(Bodies.CompleteMla("DEU"));
        var finding = await nor.AssertFindingAsync(report, "uncc-65-1", "legalBasis");
        Assert.Contains("NOR", finding["reason"].Str());
        Assert.DoesNotContain("DEU", finding["reason"].Str());

        var problem = await nor.SubmitRejectedAsync(Bodies.CompleteMla("DEU"));
        await nor.AssertErrorAsync(problem, "uncc-65-1", "legalBasis");
    }

    [Fact]
    public async Task Both_States_outside_the_Convention_are_each_reported()
    {
        var nor = api.As(DemoKeys.Nor);
        var report = await nor.ValidateAsync(Bodies.CompleteMla("USA"));
        var findings = report.WithCode("uncc-65-1");
        Assert.Equal(2, findings.Count);
        Assert.Contains(findings, f => f["reason"].Str().Contains("NOR"));
        Assert.Contains(findings, f => f["reason"].Str().Contains("USA"));
        foreach (var f in findings)
        {
            Assert.Equal("legalBasis", f["name"].Str());
            await nor.AssertCitesAsync("uncc-65-1", f["reason"].Str());
        }
    }

    // ---- uncc-40-13 --------------------------------------------------------------------------------

    [Fact]
    public async Task A_requested_State_without_a_central_authority_fails()
    {
        var fra = api.As(DemoKeys.Fra);
        // USA (real directory entry): status none, no central authority. Reciprocity keeps uncc-65-1 out (and,
        // unlike a bilateral treaty, leaves Art. 40(13) binding: Art. 40(7)).
        var body = Bodies.CompleteMla("USA").Set("legalBasis", "reciprocity");
        var report = await fra.ValidateAsync(body);
        await fra.AssertFindingAsync(report, "uncc-40-13", "requestedState");
        report.AssertNoFinding("uncc-65-1");

        var problem = await fra.SubmitRejectedAsync(Bodies.CompleteMla("USA").Set("legalBasis", "reciprocity"));
        await fra.AssertErrorAsync(problem, "uncc-40-13", "requestedState");
    }

    [Fact]
    public async Task A_requested_State_with_a_central_authority_passes()
    {
        var fra = api.As(DemoKeys.Fra);
        // NOR is no Party but has designated a central authority.
        var report = await fra.ValidateAsync(Bodies.CompleteMla("NOR"));
        report.AssertNoFinding("uncc-40-13");
        report = await fra.ValidateAsync(Bodies.CompleteMla("KEN"));
        report.AssertNoFinding("uncc-40-13");
        Assert.True(report.Compliant(), report.ToJsonString());
        await fra.SubmitAcceptedAsync(Bodies.CompleteMla("KEN"));
    }

    [Fact]
    public async Task The_central_authority_rule_does_not_govern_an_expedited_preservation()
    {
        var fra = api.As(DemoKeys.Fra247);
        var report = await fra.ValidateAsync(Bodies.ContactPointPreservation("USA").Set("legalBasis", "bilateral-treaty"));
        report.AssertNoFinding("uncc-40-13");
        await fra.AssertFindingAsync(report, "uncc-41-1", "requestedState");
    }

    // ---- uncc-41-1 ---------------------------------------------------------------------------------

    [Fact]
    public async Task An_expedited_preservation_to_a_State_without_a_contact_point_fails()
    {
        var fra = api.As(DemoKeys.Fra247);
        // NOR has a central authority but no 24/7 point of contact.
        var report = await fra.ValidateAsync(Bodies.ContactPointPreservation("NOR").Set("legalBasis", "bilateral-treaty"));
        await fra.AssertFindingAsync(report, "uncc-41-1", "requestedState");

        var problem = await fra.SubmitRejectedAsync(Bodies.ContactPointPreservation("NOR").Set("legalBasis", "bilateral-treaty"));
        await fra.AssertErrorAsync(problem, "uncc-41-1", "requestedState");
    }

    [Fact]
    public async Task A_central_authority_drafting_a_preservation_to_a_State_without_a_contact_point_also_fails()
    {
        var fra = api.As(DemoKeys.Fra);
        var problem = await fra.SubmitRejectedAsync(Bodies.ContactPointPreservation("NOR").Set("legalBasis", "bilateral-treaty"));
        await fra.AssertErrorAsync(problem, "uncc-41-1", "requestedState");
    }

    [Theory]
    [InlineData(DemoKeys.Fra247)]
    [InlineData(DemoKeys.Fra)]
    public async Task An_expedited_preservation_to_a_State_with_a_contact_point_passes_the_rule(string key)
    {
        var fra = api.As(key);
        var report = await fra.ValidateAsync(Bodies.ContactPointPreservation("DEU"));
        report.AssertNoFinding("uncc-41-1");
        report.AssertNoFinding("uncc-40-13");
    }

    [Fact]
    public async Task The_contact_point_rule_does_not_govern_mutual_legal_assistance()
    {
        var fra = api.As(DemoKeys.Fra);
        var report = await fra.ValidateAsync(Bodies.CompleteMla("NOR").Set("legalBasis", "bilateral-treaty"));
        report.AssertNoFinding("uncc-41-1");
        Assert.True(report.Compliant(), report.ToJsonString());
    }

    // ---- uncc-40-14 --------------------------------------------------------------------------------

    [Theory]
    [InlineData("de")]
    [InlineData("en")]
    public async Task A_language_the_requested_State_accepts_passes(string language)
    {
        var fra = api.As(DemoKeys.Fra);
        var report = await fra.ValidateAsync(Bodies.CompleteMla("DEU", language));
        report.AssertNoFinding("uncc-40-14");
        Assert.True(report.Compliant(), report.ToJsonString());
        await fra.SubmitAcceptedAsync(Bodies.CompleteMla("DEU", language));
    }

    [Fact]
    public async Task A_language_the_requested_State_does_not_accept_fails()
    {
        var fra = api.As(DemoKeys.Fra);
        var report = await fra.ValidateAsync(Bodies.CompleteMla("DEU", "fr"));
        var finding = await fra.AssertFindingAsync(report, "uncc-40-14", "language");
        Assert.Contains("de, en", finding["reason"].Str()); // tells the caller what DEU accepts

        var problem = await fra.SubmitRejectedAsync(Bodies.CompleteMla("DEU", "fr"));
        await fra.AssertErrorAsync(problem, "uncc-40-14", "language");
    }

    [Fact]
    public async Task A_missing_language_fails()
    {
        var fra = api.As(DemoKeys.Fra);
        var report = await fra.ValidateAsync(Bodies.CompleteMla("DEU").Without("language"));
        await fra.AssertFindingAsync(report, "uncc-40-14", "language");

        var problem = await fra.SubmitRejectedAsync(Bodies.CompleteMla("DEU").Without("language"));
        await fra.AssertErrorAsync(problem, "uncc-40-14", "language");
    }

    [Fact]
    public async Task The_language_rule_governs_an_expedited_preservation_too()
    {
        var fra = api.As(DemoKeys.Fra247);
        var report = await fra.ValidateAsync(Bodies.ContactPointPreservation("DEU", "fr"));
        await fra.AssertFindingAsync(report, "uncc-40-14", "language");
        report = await fra.ValidateAsync(Bodies.ContactPointPreservation("DEU", "de"));
        report.AssertNoFinding("uncc-40-14");
    }

    [Fact]
    public async Task A_requested_State_that_notified_no_language_fails_every_language()
    {
        var fra = api.As(DemoKeys.Fra);
        var report = await fra.ValidateAsync(Bodies.CompleteMla("USA").Set("legalBasis", "reciprocity"));
        var finding = await fra.AssertFindingAsync(report, "uncc-40-14", "language");
        Assert.Contains("none", finding["reason"].Str());
    }
}
