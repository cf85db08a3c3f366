using System.Net;
using System.Text.Json;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Features.States.Get;

public sealed class GetStateTests(SharedApi api) : IClassFixture<SharedApi>
{
    [Fact]
    public async Task France_shows_its_demo_directory_entry()
    {
        var fra = await (await api.As(DemoKeys.Deu).GetAsync("/api/v1/states/FRA")).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("FRA", fra["code"].Str());
        Assert.Equal("France", fra["name"].Str());
        Assert.Equal("party", fra["convention"]!["status"].Str());
        Assert.Equal("2026-01-01", fra["convention"]!["inForceOn"].Str());
        Assert.Equal("France central authority (demo)", fra["centralAuthority"]!["name"].Str());
        Assert.Equal("central-authority@fra.example.org", fra["centralAuthority"]!["email"].Str());
        Assert.NotNull(fra["contactPoint"]);
        Assert.Equal(["fr", "en"], fra["acceptedLanguages"]!.AsArray().Select(l => l.Str()));
        Assert.NotNull(fra["declarations"]);
    }

    [Theory]
    [InlineData("XXX")]
    [InlineData("fra")]
    public async Task An_unknown_code_is_a_404_problem(string code)
    {
        var problem = await (await api.As(DemoKeys.Fra).GetAsync($"/api/v1/states/{code}")).ExpectProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal($"/api/v1/states/{code}", problem["instance"].Str());
    }

    [Theory]
    [InlineData("FRA'--")]
    [InlineData("ÉTA")]
    [InlineData("%")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_hostile_code_is_a_404_problem_on_every_call(string code)
    {
        // Twice: only codes that exist are kept (StoredStates), so a second call meets no kept entry either.
        for (var i = 0; i < 2; i++)
            await (await api.As(DemoKeys.Fra).GetAsync($"/api/v1/states/{Uri.EscapeDataString(code)}")).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Every_State_is_sent_as_the_directory_list_sends_it()
    {
        // The list serializes each entry; the single GET writes the stored document as it is (StoredState).
        var page = await api.As(DemoKeys.Deu).GetAsync("/api/v1/states?limit=200");
        using var json = JsonDocument.Parse(await page.EnsureSuccessStatusCode().Content.ReadAsStringAsync());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("nextCursor").ValueKind);
        var listed = json.RootElement.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("code").GetString()!, i => i.GetRawText());

        Assert.Equal(193, listed.Count);
        foreach (var (code, item) in listed)
        {
            var one = await api.As(DemoKeys.Deu).GetAsync($"/api/v1/states/{code}");
            Assert.Equal("application/json; charset=utf-8", one.Content.Headers.ContentType?.ToString());
            Assert.Equal(item, await one.EnsureSuccessStatusCode().Content.ReadAsStringAsync());
        }
    }
}
