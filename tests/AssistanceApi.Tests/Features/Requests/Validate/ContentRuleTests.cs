using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Features.Requests.Validate;

/// <summary>uncc-40-15-a … uncc-40-15-f: the contents of a request for mutual legal assistance.</summary>
public sealed class ContentRuleTests(SharedApi api) : IClassFixture<SharedApi>
{
    [Fact]
    public async Task A_complete_request_has_no_content_finding()
    {
        var fra = api.As(DemoKeys.Fra);
        var report = await fra.ValidateAsync(Bodies.CompleteMla());
        Assert.True(report.Compliant(), report.ToJsonString());
        Assert.Empty(report["findings"]!.AsArray());
        await fra.SubmitAcceptedAsync(Bodies.CompleteMla());
    }

    // ---- (a) requesting authority -------------------------------------------------------------------

    [Theory]
    [InlineData("requestingAuthority.name")]
    [InlineData("requestingAuthority")]
    public async Task Without_the_requesting_authority_the_request_fails(string removed)
    {
        var fra = api.As(DemoKeys.Fra);
        var report = await fra.ValidateAsync(Bodies.CompleteMla().Without(removed));
        await fra.AssertFindingAsync(report, "uncc-40-15-a", "requestingAuthority.name");

        var problem = await fra.SubmitRejectedAsync(Bodies.CompleteMla().Without(removed));
        await fra.AssertErrorAsync(problem, "uncc-40-15-a", "requestingAuthority.name");
    }

    [Fact]
    public async Task A_blank_requesting_authority_name_fails()
    {
        var fra = api.As(DemoKeys.Fra);
        var report = await fra.ValidateAsync(Bodies.CompleteMla().Set("requestingAuthority.name", "   "));
        await fra.AssertFindingAsync(report, "uncc-40-15-a", "requestingAuthority.name");
    }

    // ---- (b) proceeding -----------------------------------------------------------------------------

    [Theory]
    [InlineData("proceeding.nature")]
    [InlineData("proceeding.subject")]
    [InlineData("proceeding.conductingAuthority.name")]
    [InlineData("proceeding.conductingAuthority.functions")]
    public async Task Each_missing_part_of_the_proceeding_fails_at_its_own_path(string path)
    {
        var fra = api.As(DemoKeys.Fra);
        var report = await fra.ValidateAsync(Bodies.CompleteMla().Without(path));
        await fra.AssertFindingAsync(report, "uncc-40-15-b", path);
        Assert.Single(report.WithCode("uncc-40-15-b"));

        var problem = await fra.SubmitRejectedAsync(Bodies.CompleteMla().Without(path));
        await fra.AssertErrorAsync(problem, "uncc-40-15-b", path);
        Assert.Equal(new[] { "uncc-40-15-b" }, problem.Codes());
    }

    [Fact]
    public async Task Without_a_proceeding_every_part_is_reported()
    {
        var fra = api.As(DemoKeys.Fra);
        var report = await fra.ValidateAsync(Bodies.CompleteMla().Without("proceeding"));
        string[] paths = ["proceeding.nature", "proceeding.subject", "proceeding.conductingAuthority.name", "proceeding.conductingAuthority.functions"];
        foreach (var path in paths) await fra.AssertFindingAsync(report, "uncc-40-15-b", path);
        Assert.Equal(paths.Length, report.WithCode("uncc-40-15-b").Count);

        var problem = await fra.SubmitRejectedAsync(Bodies.CompleteMla().Without("proceeding"));
        foreach (var path in paths) await fra.AssertErrorAsync(problem, "uncc-40-15-b", path);
    }

    // ---- (c) facts, waived for service of documents -------------------------------------------------

    [Fact]
    public async Task Without_facts_the_request_fails()
    {
        var fra = api.As(DemoKeys.Fra);
        var report = await fra.ValidateAsync(Bodies.CompleteMla().Without("facts"));
        await fra.AssertFindingAsync(report, "uncc-40-15-c", "facts");

        var problem = await fra.SubmitRejectedAsync(Bodies.CompleteMla().Without("facts"));
        await fra.AssertErrorAsync(problem, "uncc-40-15-c", "facts");
    }

    [Fact]
    public async Task Facts_are_waived_when_every_measure_is_service_of_documents()
    {
        var fra = api.As(DemoKeys.Fra);
        JsonObject Body() => Bodies.CompleteMla().Without("facts").Set("measures", BodyParts.Array("service-of-documents"))
            .Set("assistanceSought", "Serve the summons on the witness.");
        var report = await fra.ValidateAsync(Body());
        report.AssertNoFinding("uncc-40-15-c");
        Assert.True(report.Compliant(), report.ToJsonString());

        await fra.SubmitAcceptedAsync(Body());
    }

    [Fact]
    public async Task Facts_are_not_waived_when_service_of_documents_comes_with_another_measure()
    {
        var fra = api.As(DemoKeys.Fra);
        JsonObject Body() => Bodies.CompleteMla().Without("facts").Set("measures", BodyParts.Array("service-of-documents", "taking-evidence"));
        var report = await fra.ValidateAsync(Body());
        await fra.AssertFindingAsync(report, "uncc-40-15-c", "facts");

        var problem = await fra.SubmitRejectedAsync(Body());
        await fra.AssertErrorAsync(problem, "uncc-40-15-c", "facts");
    }

    // ---- (d) assistance sought ----------------------------------------------------------------------

    [Theory]
    [InlineData("measures", "measures")]
    [InlineData("assistanceSought", "assistanceSought")]
    public async Task Without_the_assistance_sought_the_request_fails(string removed, string name)
    {
        var fra = api.As(DemoKeys.Fra);
        var report = await fra.ValidateAsync(Bodies.CompleteMla().Without(removed));
        await fra.AssertFindingAsync(report, "uncc-40-15-d", name);

        var problem = await fra.SubmitRejectedAsync(Bodies.CompleteMla().Without(removed));
        await fra.AssertErrorAsync(problem, "uncc-40-15-d", name);
    }

    [Fact]
    public async Task An_empty_list_of_measures_fails()
    {
        var fra = api.As(DemoKeys.Fra);
        var report = await fra.ValidateAsync(Bodies.CompleteMla().Set("measures", new JsonArray()));
        await fra.AssertFindingAsync(report, "uncc-40-15-d", "measures");
    }

    // ---- (e) persons concerned: a warning -----------------------------------------------------------

    [Fact]
    public async Task Without_persons_the_request_is_warned_but_still_compliant_and_submits()
    {
        var fra = api.As(DemoKeys.Fra);
        var report = await fra.ValidateAsync(Bodies.CompleteMla().Without("persons"));
        await fra.AssertFindingAsync(report, "uncc-40-15-e", "persons", severity: "warning");
        Assert.True(report.Compliant(), "a warning must not make the request non-compliant");

        await fra.SubmitAcceptedAsync(Bodies.CompleteMla().Without("persons"));
    }

    [Theory]
    [InlineData("name")]
    [InlineData("location")]
    [InlineData("nationality")]
    public async Task A_person_without_identity_location_or_nationality_is_warned_at_its_index(string missing)
    {
        var fra = api.As(DemoKeys.Fra);
        JsonObject Body()
        {
            var body = Bodies.CompleteMla();
            var second = new JsonObject { ["name"] = "B. Suspect", ["role"] = "suspect", ["location"] = "Hamburg", ["nationality"] = "DEU" };
            second.Remove(missing);
            body["persons"]!.AsArray().Add(second);
            return body;
        }
        var report = await fra.ValidateAsync(Body());
        await fra.AssertFindingAsync(report, "uncc-40-15-e", "persons[1]", severity: "warning");
        Assert.Single(report.WithCode("uncc-40-15-e")); // persons[0] is complete
        Assert.True(report.Compliant(), report.ToJsonString());

        await fra.SubmitAcceptedAsync(Body());
    }

    // ---- (f) purpose --------------------------------------------------------------------------------

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public async Task Without_a_purpose_the_request_fails(string? purpose)
    {
        var fra = api.As(DemoKeys.Fra);
        JsonObject Body() => purpose is null ? Bodies.CompleteMla().Without("purpose") : Bodies.CompleteMla().Set("purpose", purpose);
        var report = await fra.ValidateAsync(Body());
        await fra.AssertFindingAsync(report, "uncc-40-15-f", "purpose");

        var problem = await fra.SubmitRejectedAsync(Body());
        await fra.AssertErrorAsync(problem, "uncc-40-15-f", "purpose");
    }

    // ---- scope --------------------------------------------------------------------------------------

    [Fact]
    public async Task The_contents_of_40_15_do_not_govern_an_expedited_preservation()
    {
        var fra = api.As(DemoKeys.Fra247);
        var report = await fra.ValidateAsync(Bodies.ContactPointPreservation("DEU").Without("requestingAuthority").Without("facts"));
        foreach (var item in "abcdef") report.AssertNoFinding($"uncc-40-15-{item}");
    }
}
