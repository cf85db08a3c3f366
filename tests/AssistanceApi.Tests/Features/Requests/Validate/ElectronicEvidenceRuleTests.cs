using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;
using static AssistanceApi.Tests.Support.BodyParts;
using static AssistanceApi.Tests.Support.Bodies;

namespace AssistanceApi.Tests.Features.Requests.Validate;

/// <summary>Measures on electronic data name their data (Arts. 44–46); real-time measures need the requested State's acceptance.</summary>
public sealed class ElectronicEvidenceRuleTests(SharedApi api) : IClassFixture<SharedApi>
{
    private const string StoredData = "stored-data-access";
    private const string RealTime = "real-time-traffic-collection";
    private const string Interception = "content-interception";

    // ---- Art. 44 ------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Stored_data_access_without_categories_or_identifiers_fails_44_1()
    {
        var fra = api.As(DemoKeys.Fra);
        var report = await fra.ValidateAsync(ElectronicMla(StoredData));
        await fra.AssertFindingAsync(report, "uncc-44-1", "electronicData.categories");
        await fra.AssertFindingAsync(report, "uncc-44-1", "electronicData.identifiers");

        var noIdentifiers = await fra.ValidateAsync(ElectronicMla(StoredData, electronicData: new JsonObject { ["categories"] = Array("subscriber") }));
        await fra.AssertFindingAsync(noIdentifiers, "uncc-44-1", "electronicData.identifiers");
        Assert.DoesNotContain(noIdentifiers.WithCode("uncc-44-1"), f => f["name"].Str() == "electronicData.categories");

        var emptyLists = await fra.ValidateAsync(ElectronicMla(StoredData,
            electronicData: new JsonObject { ["categories"] = new JsonArray(), ["identifiers"] = Array("user@mail.example.org") }));
        await fra.AssertFindingAsync(emptyLists, "uncc-44-1", "electronicData.categories");

        await fra.SubmitRejectedForAsync(ElectronicMla(StoredData), "uncc-44-1", "electronicData.categories");
    }

    [Fact]
    public async Task Stored_data_access_naming_categories_and_identifiers_passes_44_1_without_a_period()
    {
        var fra = api.As(DemoKeys.Fra);
        var body = ElectronicMla(StoredData, electronicData: ElectronicData());
        (await fra.ValidateAsync(body)).AssertPasses("uncc-44-1");
        await fra.SubmitAcceptedAsync(body);
    }

    // ---- Art. 45 ------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Real_time_traffic_collection_without_a_period_fails_45_1()
    {
        var fra = api.As(DemoKeys.Fra);
        await fra.AssertFindingAsync(await fra.ValidateAsync(ElectronicMla(RealTime, electronicData: ElectronicData())), "uncc-45-1", "electronicData");
        // from without to is no period.
        await fra.AssertFindingAsync(await fra.ValidateAsync(ElectronicMla(RealTime, electronicData: ElectronicData(from: "2026-12-01"))), "uncc-45-1", "electronicData");
        await fra.AssertFindingAsync(await fra.ValidateAsync(ElectronicMla(RealTime, electronicData: ElectronicData(to: "2026-12-31"))), "uncc-45-1", "electronicData");
        // Nor does it name its data.
        var bare = await fra.ValidateAsync(ElectronicMla(RealTime));
        await fra.AssertFindingAsync(bare, "uncc-45-1", "electronicData.categories");
        await fra.AssertFindingAsync(bare, "uncc-45-1", "electronicData.identifiers");

        await fra.SubmitRejectedForAsync(ElectronicMla(RealTime, electronicData: ElectronicData()), "uncc-45-1", "electronicData");
    }

    [Theory]
    [InlineData("from-to")]
    [InlineData("duration")]
    public async Task Real_time_traffic_collection_with_from_and_to_or_durationDays_passes_45_1(string period)
    {
        var fra = api.As(DemoKeys.Fra);
        var data = period == "from-to" ? ElectronicData(from: "2026-12-01", to: "2026-12-31") : ElectronicData(durationDays: 30);
        var body = ElectronicMla(RealTime, electronicData: data);
        (await fra.ValidateAsync(body)).AssertPasses("uncc-45-1");
        await fra.SubmitAcceptedAsync(body);
    }

    [Fact]
    public async Task Real_time_traffic_collection_asked_of_KEN_which_does_not_accept_it_fails_45_1()
    {
        var fra = api.As(DemoKeys.Fra);
        var body = ElectronicMla(RealTime, "KEN", Period());
        var finding = await fra.AssertFindingAsync(await fra.ValidateAsync(body), "uncc-45-1", "measures");
        Assert.Contains("KEN", finding["reason"].Str());
        await fra.SubmitRejectedForAsync(body, "uncc-45-1", "measures");

        // KEN does accept content interception.
        (await fra.ValidateAsync(ElectronicMla(Interception, "KEN", Period()))).AssertPasses("uncc-46-1");
    }

    [Fact]
    public async Task Real_time_traffic_collection_asked_of_a_State_that_has_not_declared_is_warned_not_refused()
    {
        await MakeNorwayAnUndeclaredPartyAsync(api);
        var fra = api.As(DemoKeys.Fra);

        var body = ElectronicMla(RealTime, "NOR", Period());
        var report = await fra.ValidateAsync(body);
        var warning = await fra.AssertFindingAsync(report, "uncc-45-1", "measures", "warning");
        Assert.Contains("NOR", warning["reason"].Str());
        Assert.True(report.Compliant(), $"a warning does not stop the request: {report.ToJsonString()}");
        Assert.DoesNotContain(report.WithCode("uncc-45-1"), f => f["severity"].Str() == "error");

        var submitted = await fra.SubmitAcceptedAsync(body);
        var history = await fra.HistoryAsync(submitted["id"].Str());
        var submit = history["events"]!.AsArray().Single(e => e!["action"].Str() == "submit")!;
        Assert.Contains("uncc-45-1", submit["details"]!["warnings"]!.AsArray().Select(w => w.Str()));
    }

    // ---- Art. 46 ------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Content_interception_without_a_period_fails_46_1()
    {
        var fra = api.As(DemoKeys.Fra);
        await fra.AssertFindingAsync(await fra.ValidateAsync(ElectronicMla(Interception, electronicData: ElectronicData())), "uncc-46-1", "electronicData");
        await fra.SubmitRejectedForAsync(ElectronicMla(Interception, electronicData: ElectronicData()), "uncc-46-1", "electronicData");
    }

    [Fact]
    public async Task Content_interception_asked_of_BRA_which_does_not_accept_it_fails_46_1()
    {
        var fra = api.As(DemoKeys.Fra);
        var body = ElectronicMla(Interception, "BRA", Period());
        var finding = await fra.AssertFindingAsync(await fra.ValidateAsync(body), "uncc-46-1", "measures");
        Assert.Contains("BRA", finding["reason"].Str());
        await fra.SubmitRejectedForAsync(body, "uncc-46-1", "measures");

        // BRA does accept real-time collection of traffic data.
        (await fra.ValidateAsync(ElectronicMla(RealTime, "BRA", Period()))).AssertPasses("uncc-45-1");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(1)]
    public async Task Content_interception_resting_on_a_crime_under_four_years_fails_35_1(int years)
    {
        var fra = api.As(DemoKeys.Fra);
        var body = ElectronicMla(Interception, "DEU", Period());
        body["offences"] = new JsonArray(SeriousCrime(years));
        await fra.AssertFindingAsync(await fra.ValidateAsync(body), "uncc-35-1", "offences");
        await fra.SubmitRejectedForAsync(body, "uncc-35-1", "offences");
    }

    [Fact]
    public async Task Content_interception_for_a_Convention_offence_with_a_period_passes_46_1()
    {
        var fra = api.As(DemoKeys.Fra);
        var body = ElectronicMla(Interception, "DEU", Period());
        Assert.Equal(7, body["offences"]![0]!["article"]!.GetValue<int>());
        (await fra.ValidateAsync(body)).AssertPasses("uncc-46-1");
        var durationOnly = ElectronicMla(Interception, "DEU", ElectronicData(durationDays: 14));
        (await fra.ValidateAsync(durationOnly)).AssertPasses("uncc-46-1");
        await fra.SubmitAcceptedAsync(body);
    }

    [Fact]
    public async Task Content_interception_for_a_serious_crime_of_at_least_four_years_passes_46_1()
    {
        var fra = api.As(DemoKeys.Fra);
        var body = ElectronicMla(Interception, "DEU", Period());
        body["offences"] = new JsonArray(SeriousCrime(4));
        (await fra.ValidateAsync(body)).AssertPasses("uncc-46-1");
    }

    [Fact]
    public async Task Content_interception_asked_of_a_State_that_has_not_declared_is_warned_not_refused()
    {
        await MakeNorwayAnUndeclaredPartyAsync(api);
        var fra = api.As(DemoKeys.Fra);
        var report = await fra.ValidateAsync(ElectronicMla(Interception, "NOR", Period()));
        await fra.AssertFindingAsync(report, "uncc-46-1", "measures", "warning");
        Assert.True(report.Compliant(), report.ToJsonString());
    }

    [Fact]
    public async Task The_rules_of_Arts_44_to_46_leave_other_measures_alone()
    {
        var fra = api.As(DemoKeys.Fra);
        var report = await fra.ValidateAsync(Bodies.CompleteMla("KEN"));
        foreach (var code in new[] { "uncc-44-1", "uncc-45-1", "uncc-46-1" }) report.AssertNoFinding(code);
        Assert.True(report.Compliant(), report.ToJsonString());
    }

    /// <summary>NOR becomes a Party in force since 2026-01-01 with a central authority, and declares nothing.</summary>
    private static async Task MakeNorwayAnUndeclaredPartyAsync(ApiFactory api)
    {
        var secretariat = api.As(DemoKeys.Secretariat);
        var body = new JsonObject
        {
            ["convention"] = new JsonObject { ["status"] = "party", ["signedOn"] = "2025-10-25", ["ratifiedOn"] = "2025-12-01", ["inForceOn"] = "2026-01-01" },
            ["centralAuthority"] = new JsonObject { ["name"] = "Norway central authority (demo)", ["email"] = "central-authority@nor.example.org", ["phone"] = "+47 00 00 00 00" },
            ["contactPoint"] = null,
            ["acceptedLanguages"] = Array("no", "en"),
            ["declarations"] = new JsonObject
            {
                ["requiresDualCriminality"] = null,
                ["acceptsRealTimeTrafficCollection"] = null,
                ["acceptsContentInterception"] = null,
            },
            ["source"] = "Test: notification to the Secretary-General",
        };
        var message = new HttpRequestMessage(HttpMethod.Put, "/api/v1/states/NOR")
        {
            Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        var updated = await (await secretariat.SendAsync(message)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("party", updated["convention"]!["status"].Str());
        Assert.Null(updated["declarations"]!["acceptsRealTimeTrafficCollection"]);
    }
}
