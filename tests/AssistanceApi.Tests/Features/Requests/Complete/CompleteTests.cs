using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Features.Requests.Complete;

/// <summary>A completion records its outcome, and for a partial one why the rest was not done (Art. 40(24)).</summary>
public sealed class CompleteTests(SharedApi api) : IClassFixture<SharedApi>
{
    [Theory]
    [InlineData("""{"outcome":"partially-executed","summary":"Logs sent."}""")]
    [InlineData("""{"outcome":"partially-executed","summary":"Logs sent.","unexecutedReasons":"  "}""")]
    public async Task A_partial_execution_without_reasons_for_the_rest_is_422(string body)
    {
        var c = await Case.AtAsync(api, "in-execution");
        var problem = await c.RejectedAsync(c.Deu, "complete", JsonNode.Parse(body)!, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("/problems/uncc-40-24", problem["type"].Str());
        Assert.Equal(["uncc-40-24"], problem.Codes());
        Assert.Equal(["unexecutedReasons"], problem.Names());
        Assert.StartsWith("UNCC Art. 40(24): ", problem["errors"]![0]!["reason"].Str());
    }

    [Theory]
    [InlineData("""{"summary":"Done."}""", "outcome")]
    [InlineData("""{"outcome":"executed"}""", "summary")]
    [InlineData("""{"outcome":"executed","summary":""}""", "summary")]
    [InlineData("""{"outcome":"done","summary":"Done."}""", "outcome")]
    public async Task A_completion_without_outcome_or_summary_is_400(string body, string name)
    {
        var c = await Case.AtAsync(api, "in-execution");
        var problem = await c.RejectedAsync(c.Deu, "complete", JsonNode.Parse(body)!, HttpStatusCode.BadRequest);
        Assert.Contains(name, problem.Names());
    }

    [Fact]
    public async Task A_completion_naming_a_document_twice_is_400_duplicate()
    {
        var c = await Case.AtAsync(api, "in-execution");
        var id = Guid.CreateVersion7().ToString();
        var body = new JsonObject { ["outcome"] = "executed", ["summary"] = "Done.", ["evidenceDocumentIds"] = new JsonArray(id, id) };

        var problem = await c.RejectedAsync(c.Deu, "complete", body, HttpStatusCode.BadRequest);

        Assert.Equal(["duplicate"], problem.Codes());
        Assert.Equal(["evidenceDocumentIds"], problem.Names());
    }

    [Fact]
    public async Task A_completion_records_the_outcome_for_both_sides()
    {
        var c = await Case.AtAsync(api, "in-execution");
        await c.ActAsync(c.Deu, "complete", new JsonObject { ["outcome"] = "partially-executed", ["summary"] = "Logs sent.", ["unexecutedReasons"] = "The witness has died." });

        var seen = await c.GetAsync(c.Fra);
        Assert.Equal("partially-executed", seen["status"].Str());
        Assert.Equal("partially-executed", seen["outcome"]!["result"].Str());
        Assert.Equal("The witness has died.", seen["outcome"]!["unexecutedReasons"].Str());
        Assert.NotNull(seen["closedAt"]);
    }
}
