using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;
using static AssistanceApi.Tests.Support.ClientCalls;

namespace AssistanceApi.Tests.Features.States.Update;

/// <summary>The secretariat maintains the States directory (PUT /states/{code}); the rules read it at the next validation.</summary>
public sealed class DirectoryTests
{
    private static readonly string NorUrl = "/api/v1/states/NOR";

    private static async Task<IReadOnlyList<string>> FindingCodesAsync(HttpClient fra, JsonObject body)
    {
        var report = await (await fra.PostJsonAsync("/api/v1/requests/validation", body)).ExpectAsync(HttpStatusCode.OK);
        return report.Codes("findings");
    }

    [Fact]
    public async Task Making_NOR_a_Party_takes_effect_on_the_next_validation()
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);
        var secretariat = api.As(DemoKeys.Secretariat);
        var toNor = Bodies.CompleteMla("NOR");
        Assert.Contains("uncc-65-1", await FindingCodesAsync(fra, toNor));
        var draftId = await fra.CreateDraftAsync(Bodies.CompleteMla("NOR"));
        var draftReport = await (await fra.PostAsync($"/api/v1/requests/{draftId}/validation", null)).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("uncc-65-1", draftReport.Codes("findings"));

        api.Clock.Advance(TimeSpan.FromDays(10));
        var expectedAsOf = DateOnly.FromDateTime(api.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd");
        var updated = await (await secretariat.PutAsync(NorUrl, Content(Bodies.StateBody()))).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("party", updated["convention"]!["status"].Str());
        Assert.Equal(expectedAsOf, updated["asOf"].Str());

        Assert.DoesNotContain("uncc-65-1", await FindingCodesAsync(fra, toNor));
        draftReport = await (await fra.PostAsync($"/api/v1/requests/{draftId}/validation", null)).ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain("uncc-65-1", draftReport.Codes("findings"));

        var nor = await (await fra.GetAsync(NorUrl)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("NOR", nor["code"].Str());
        Assert.Equal("Norway", nor["name"].Str());
        Assert.Equal("party", nor["convention"]!["status"].Str());
        Assert.Equal("2025-10-25", nor["convention"]!["signedOn"].Str());
        Assert.Equal("2025-12-15", nor["convention"]!["ratifiedOn"].Str());
        Assert.Equal("2026-01-01", nor["convention"]!["inForceOn"].Str());
        Assert.Equal(["no", "en"], nor["acceptedLanguages"]!.AsArray().Select(l => l.Str()));
        Assert.Equal("247@nor.example.org", nor["contactPoint"]!["email"].Str());
        Assert.True(nor["declarations"]!["acceptsRealTimeTrafficCollection"]!.GetValue<bool>());
        Assert.Equal("Notification to the Secretary-General (test)", nor["source"].Str());
        Assert.Equal(expectedAsOf, nor["asOf"].Str());

        var parties = await (await fra.GetAsync("/api/v1/states?party=true&limit=200")).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("NOR", parties["items"]!.AsArray().Select(s => s!["code"].Str()));
    }

    private static StringContent Content(JsonNode body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    private static readonly (string Why, string Field, string Body)[] InvalidEntries =
    [
        ("ratified before signature", "convention.ratifiedOn", Bodies.StateBody(signedOn: "2026-02-01", ratifiedOn: "2025-12-15", inForceOn: "2026-03-01").ToJsonString()),
        ("in force before ratification", "convention.inForceOn", Bodies.StateBody(ratifiedOn: "2026-03-01", inForceOn: "2026-01-01").ToJsonString()),
        ("in force before signature", "convention.inForceOn", Bodies.StateBody(signedOn: "2026-02-01", ratifiedOn: null, inForceOn: "2026-01-01", status: "signatory").ToJsonString()),
        ("party without dates", "convention", Bodies.StateBody(signedOn: null, ratifiedOn: null, inForceOn: null).ToJsonString()),
        ("party without entry into force", "convention", Bodies.StateBody(inForceOn: null).ToJsonString()),
        ("none with dates", "convention", Bodies.StateBody(status: "none").ToJsonString()),
        ("signatory with ratification", "convention", Bodies.StateBody(status: "signatory", inForceOn: null).ToJsonString()),
        ("signed in year 1", "convention.signedOn", Bodies.StateBody(signedOn: "0001-01-01").ToJsonString()),
        ("in force in 9999", "convention.inForceOn", Bodies.StateBody(inForceOn: "9999-12-31").ToJsonString()),
        ("language xx", "acceptedLanguages", Bodies.StateBody(languages: ["no", "xx"]).ToJsonString()),
        ("language EN", "acceptedLanguages", Bodies.StateBody(languages: ["EN"]).ToJsonString()),
        ("language twice", "acceptedLanguages", Bodies.StateBody(languages: ["en", "en"]).ToJsonString()),
        ("bad email", "centralAuthority.email", Bodies.StateBody(email: "not-an-address").ToJsonString()),
        ("unknown status", "convention", Bodies.StateBody(status: "ratified").ToJsonString()),
        ("a name that is not the stored one", "name", Patched(Bodies.StateBody(), b => b["name"] = "Kingdom of Norway")),
        ("no convention", "convention", Patched(Bodies.StateBody(), b => b.Remove("convention"))),
    ];

    private static string Patched(JsonObject body, Action<JsonObject> change)
    {
        change(body);
        return body.ToJsonString();
    }

    [Fact]
    public async Task Invalid_entries_are_400_and_change_nothing()
    {
        await using var api = new ApiFactory();
        var secretariat = api.As(DemoKeys.Secretariat);
        var before = await (await secretariat.GetAsync(NorUrl)).Content.ReadAsStringAsync();

        foreach (var (why, field, body) in InvalidEntries)
        {
            var response = await secretariat.PutAsync(NorUrl, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            var problem = JsonNode.Parse(await response.ExpectProblemTextAsync(HttpStatusCode.BadRequest, why))!.AsObject();
            Assert.True(problem["errors"]?.AsArray().Count > 0, $"{why}: no errors listed");
            Assert.True(problem.Names().Any(n => n == field || n.StartsWith(field + ".", StringComparison.Ordinal) || n.StartsWith(field + "[", StringComparison.Ordinal)),
                $"{why}: errors name {string.Join(", ", problem.Names())}, not {field}");
        }

        Assert.Equal(before, await (await secretariat.GetAsync(NorUrl)).Content.ReadAsStringAsync());
        Assert.Contains("uncc-65-1", await FindingCodesAsync(api.As(DemoKeys.Fra), Bodies.CompleteMla("NOR")));
    }

    [Fact]
    public async Task An_unknown_code_is_404()
    {
        await using var api = new ApiFactory();
        var secretariat = api.As(DemoKeys.Secretariat);
        foreach (var code in new[] { "XXX", "nor", "NORWAY", "N%27R" })
        {
            await (await secretariat.PutAsync($"/api/v1/states/{code}", Content(Bodies.StateBody()))).ExpectProblemTextAsync(HttpStatusCode.NotFound, $"PUT {code}");
            await (await secretariat.GetAsync($"/api/v1/states/{code}")).ExpectProblemTextAsync(HttpStatusCode.NotFound, $"GET {code}");
        }
    }

    [Fact]
    public async Task Only_the_secretariat_may_change_the_directory()
    {
        await using var api = new ApiFactory();
        var before = await (await api.As(DemoKeys.Fra).GetAsync(NorUrl)).Content.ReadAsStringAsync();

        foreach (var key in new[] { DemoKeys.Nor, DemoKeys.Fra, DemoKeys.Deu247 })
            await (await api.As(key).PutAsync(NorUrl, Content(Bodies.StateBody()))).ExpectProblemTextAsync(HttpStatusCode.Forbidden, key);

        Assert.Equal(before, await (await api.As(DemoKeys.Fra).GetAsync(NorUrl)).Content.ReadAsStringAsync());
        Assert.Contains("uncc-65-1", await FindingCodesAsync(api.As(DemoKeys.Fra), Bodies.CompleteMla("NOR")));
    }
}
