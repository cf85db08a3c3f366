using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Features.Requests.Validate;

/// <summary>uncc-35-1: Convention offences (Arts. 7–17) or serious crime (Art. 2(h)), and what serious crime alone may seek.</summary>
public sealed class OffenceRuleTests(SharedApi api) : IClassFixture<SharedApi>
{
    /// <summary>To BRA (no dual criminality declared) with the data named, so only the offence rule is in play.</summary>
    private static JsonObject ElectronicRequest(JsonObject offence, params string[] measures) =>
        Bodies.CompleteMla("BRA")
            .Set("offences", new JsonArray(offence))
            .Set("measures", BodyParts.Array(measures))
            .Set("electronicData", BodyParts.StoredData())
            .Set("assistanceSought", "Disclose the stored subscriber and traffic data of the account.");

    [Theory]
    [InlineData(7)]
    [InlineData(11)]
    [InlineData(17)]
    public async Task A_Convention_offence_passes(int article)
    {
        var fra = api.As(DemoKeys.Fra);
        JsonObject Body() => Bodies.CompleteMla().Set("offences", new JsonArray(new JsonObject { ["article"] = article }));
        var report = await fra.ValidateAsync(Body());
        report.AssertNoFinding("uncc-35-1");
        Assert.True(report.Compliant(), report.ToJsonString());
        await fra.SubmitAcceptedAsync(Body());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Without_an_offence_the_request_fails(bool emptyList)
    {
        var fra = api.As(DemoKeys.Fra);
        JsonObject Body() => emptyList ? Bodies.CompleteMla().Set("offences", new JsonArray()) : Bodies.CompleteMla().Without("offences");
        var report = await fra.ValidateAsync(Body());
        await fra.AssertFindingAsync(report, "uncc-35-1", "offences");

        var problem = await fra.SubmitRejectedAsync(Body());
        await fra.AssertErrorAsync(problem, "uncc-35-1", "offences");
    }

    [Fact]
    public async Task The_offence_rule_governs_an_expedited_preservation_too()
    {
        var fra = api.As(DemoKeys.Fra247);
        var report = await fra.ValidateAsync(Bodies.ContactPointPreservation("DEU").Without("offences"));
        await fra.AssertFindingAsync(report, "uncc-35-1", "offences");
    }

    [Theory]
    [InlineData(18)]
    [InlineData(6)]
    [InlineData(40)]
    public async Task An_article_outside_7_to_17_is_no_Convention_offence(int article)
    {
        var fra = api.As(DemoKeys.Fra);
        JsonObject Body() => Bodies.CompleteMla().Set("offences", new JsonArray(new JsonObject { ["article"] = article }));
        var report = await fra.ValidateAsync(Body());
        var finding = await fra.AssertFindingAsync(report, "uncc-35-1", "offences[0].article");
        Assert.Contains($"Art. {article}", finding["reason"].Str());
        Assert.EndsWith("the offences are in Arts. 7–17.", finding["reason"].Str());

        var problem = await fra.SubmitRejectedAsync(Body());
        await fra.AssertErrorAsync(problem, "uncc-35-1", "offences[0].article");
    }

    [Fact]
    public async Task A_request_whose_only_offence_is_no_offence_is_not_treated_as_resting_on_serious_crime()
    {
        var fra = api.As(DemoKeys.Fra);
        var report = await fra.ValidateAsync(Bodies.CompleteMla().Set("offences", new JsonArray(new JsonObject { ["article"] = 18 })));
        await fra.AssertFindingAsync(report, "uncc-35-1", "offences[0].article");
        // It names no serious crime, so "resting only on serious crimes ... not: taking-evidence" would be a false statement.
        Assert.True(report.WithCode("uncc-35-1").Count == 1,
            "expected only the offences[0].article breach; got: " + string.Join(" | ", report.WithCode("uncc-35-1").Select(f => f["name"].Str() + ": " + f["reason"].Str())));
    }

    [Fact]
    public async Task Each_bad_offence_is_reported_at_its_index()
    {
        var fra = api.As(DemoKeys.Fra);
        var body = Bodies.CompleteMla().Set("offences", new JsonArray(
            new JsonObject { ["article"] = 7 },
            new JsonObject { ["article"] = 18 },
            BodyParts.SeriousCrime(2)));
        var report = await fra.ValidateAsync(body);
        await fra.AssertFindingAsync(report, "uncc-35-1", "offences[1].article");
        await fra.AssertFindingAsync(report, "uncc-35-1", "offences[2]");
        Assert.Equal(2, report.WithCode("uncc-35-1").Count);
    }

    [Theory]
    [InlineData(4.0)]
    [InlineData(10.0)]
    public async Task A_serious_crime_of_at_least_four_years_seeking_electronic_evidence_passes(double years)
    {
        var fra = api.As(DemoKeys.Fra);
        JsonObject Body() => ElectronicRequest(BodyParts.SeriousCrime((decimal)years), "stored-data-access");
        var report = await fra.ValidateAsync(Body());
        report.AssertNoFinding("uncc-35-1");

        // At submit the offence rule does not object either (other rules for stored-data-access may, once added).
        var id = await fra.CreateDraftAsync(Body());
        var response = await fra.PostAsync($"/api/v1/requests/{id}/submit", null);
        if (response.StatusCode == System.Net.HttpStatusCode.OK) return;
        var problem = await response.ExpectProblemAsync(System.Net.HttpStatusCode.UnprocessableEntity);
        problem.AssertNoFinding("uncc-35-1", "errors");
    }

    [Theory]
    [InlineData(3.5)]
    [InlineData(3.99)]
    [InlineData(0)]
    public async Task A_serious_crime_below_four_years_fails(double years)
    {
        var fra = api.As(DemoKeys.Fra);
        JsonObject Body() => ElectronicRequest(BodyParts.SeriousCrime((decimal)years), "stored-data-access");
        var report = await fra.ValidateAsync(Body());
        await fra.AssertFindingAsync(report, "uncc-35-1", "offences[0]");

        var problem = await fra.SubmitRejectedAsync(Body());
        await fra.AssertErrorAsync(problem, "uncc-35-1", "offences[0]");
    }

    [Fact]
    public async Task A_serious_crime_without_a_maximum_penalty_fails()
    {
        var fra = api.As(DemoKeys.Fra);
        var report = await fra.ValidateAsync(ElectronicRequest(new JsonObject { ["description"] = "Aggravated fraud" }, "stored-data-access"));
        await fra.AssertFindingAsync(report, "uncc-35-1", "offences[0]");
    }

    [Fact]
    public async Task A_request_resting_only_on_serious_crime_may_not_seek_taking_evidence()
    {
        var fra = api.As(DemoKeys.Fra);
        JsonObject Body() => Bodies.CompleteMla("BRA").Set("offences", new JsonArray(BodyParts.SeriousCrime(4)));
        var report = await fra.ValidateAsync(Body());
        var finding = await fra.AssertFindingAsync(report, "uncc-35-1", "measures");
        Assert.Contains("taking-evidence", finding["reason"].Str());
        Assert.Single(report.WithCode("uncc-35-1")); // the offence itself is a serious crime

        var problem = await fra.SubmitRejectedAsync(Body());
        await fra.AssertErrorAsync(problem, "uncc-35-1", "measures");
    }

    [Fact]
    public async Task A_serious_crime_request_mixing_electronic_and_other_measures_names_the_others()
    {
        var fra = api.As(DemoKeys.Fra);
        var report = await fra.ValidateAsync(ElectronicRequest(BodyParts.SeriousCrime(5), "stored-data-access", "search-and-seizure"));
        var finding = await fra.AssertFindingAsync(report, "uncc-35-1", "measures");
        Assert.Contains("search-and-seizure", finding["reason"].Str());
        Assert.DoesNotContain("not: stored-data-access", finding["reason"].Str());
    }

    [Fact]
    public async Task A_Convention_offence_alongside_a_serious_crime_may_seek_any_measure()
    {
        var fra = api.As(DemoKeys.Fra);
        JsonObject Body() => Bodies.CompleteMla("BRA").Set("offences", new JsonArray(new JsonObject { ["article"] = 7 }, BodyParts.SeriousCrime(4)));
        var report = await fra.ValidateAsync(Body());
        report.AssertNoFinding("uncc-35-1");
        Assert.True(report.Compliant(), report.ToJsonString());
        await fra.SubmitAcceptedAsync(Body());
    }
}
