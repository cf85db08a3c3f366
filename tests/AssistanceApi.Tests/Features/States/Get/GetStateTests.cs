using System.Net;
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
}
