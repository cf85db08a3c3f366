using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Features.Requests.Postpone;

/// <summary>A postponement gives reasons and, if it names one, a date to come (Art. 40(26)).</summary>
public sealed class PostponeTests(SharedApi api) : IClassFixture<SharedApi>
{
    [Theory]
    [InlineData("""{"until":"2027-03-01"}""", "reasons")]
    [InlineData("""{"reasons":"","until":"2027-03-01"}""", "reasons")]
    [InlineData("""{"reasons":"A trial.","until":"2026-01-01"}""", "until")]
    [InlineData("""{"reasons":"A trial.","until":"2026-11-27"}""", "until")]
    public async Task A_postponement_without_reasons_or_until_a_past_date_is_422(string body, string name)
    {
        var c = await Case.AtAsync(api, "consultation-declined");
        var problem = await c.RejectedAsync(c.Deu, "postpone", JsonNode.Parse(body)!, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("/problems/uncc-40-26", problem["type"].Str());
        Assert.Contains(name, problem.Names());
        Assert.All(problem.Codes(), code => Assert.Equal("uncc-40-26", code));
    }

    [Theory]
    [InlineData("""{"reasons":"A trial.","until":"1 March 2027"}""")]
    [InlineData("""{"reasons":"A trial.","until":"2027-03-01T00:00:00Z"}""")]
    [InlineData("""{"reasons":"A trial.","until":"9999-12-31"}""")]
    public async Task A_postponement_until_something_that_is_not_a_date_is_400(string body)
    {
        var c = await Case.AtAsync(api, "consultation-declined");
        var problem = await c.RejectedAsync(c.Deu, "postpone", JsonNode.Parse(body)!, HttpStatusCode.BadRequest);
        Assert.Contains("until", problem.Names());
    }

    [Fact]
    public async Task A_postponement_without_a_date_is_allowed()
    {
        var c = await Case.AtAsync(api, "consultation-declined");
        var postponed = await c.ActAsync(c.Deu, "postpone", new JsonObject { ["reasons"] = "A domestic trial is under way." });
        Assert.Equal("postponed", postponed["status"].Str());
        Assert.Null(postponed["postponement"]!["until"]);
    }
}
