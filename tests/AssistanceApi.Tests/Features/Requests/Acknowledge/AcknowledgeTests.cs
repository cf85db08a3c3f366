using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Features.Requests.Acknowledge;

/// <summary>Acknowledging a confidential request answers on confidentiality (Art. 40(20)); a rejected body changes nothing.</summary>
public sealed class AcknowledgeTests(SharedApi api) : IClassFixture<SharedApi>
{
    private static JsonObject Confidential()
    {
        var body = Bodies.CompleteMla();
        body["confidential"] = true;
        return body;
    }

    [Fact]
    public async Task Acknowledging_a_confidential_request_without_an_answer_on_confidentiality_is_422()
    {
        var c = await Case.AtAsync(api, "submitted", Confidential());

        var problem = await c.RejectedAsync(c.Deu, "acknowledge", new JsonObject { ["requestedReference"] = "BfJ-1" }, HttpStatusCode.UnprocessableEntity);

        Assert.Equal("/problems/uncc-40-20", problem["type"].Str());
        Assert.Equal(["uncc-40-20"], problem.Codes());
        Assert.Equal(["confidentiality"], problem.Names());
        Assert.StartsWith("UNCC Art. 40(20): ", problem["errors"]![0]!["reason"].Str());
    }

    [Theory]
    [InlineData("can-comply")]
    [InlineData("cannot-comply")]
    public async Task Acknowledging_a_confidential_request_with_an_answer_shows_it_to_the_requesting_State(string answer)
    {
        var c = await Case.AtAsync(api, "submitted", Confidential());

        var acknowledged = await c.ActAsync(c.Deu, "acknowledge", new JsonObject { ["confidentiality"] = answer });

        Assert.Equal("acknowledged", acknowledged["status"].Str());
        Assert.Equal(answer, (await c.GetAsync(c.Fra))["confidentiality"].Str());
        Assert.Equal(answer, (await c.HistoryAsync())["events"]!.AsArray()[^1]!["details"]!["confidentiality"].Str());
    }

    [Fact]
    public async Task An_answer_on_confidentiality_for_a_request_that_did_not_ask_for_it_is_400()
    {
        var c = await Case.AtAsync(api, "submitted");
        var problem = await c.RejectedAsync(c.Deu, "acknowledge", new JsonObject { ["confidentiality"] = "can-comply" }, HttpStatusCode.BadRequest);
        Assert.Contains("confidentiality", problem.Names());
    }

    [Fact]
    public async Task An_unknown_confidentiality_answer_is_400()
    {
        var c = await Case.AtAsync(api, "submitted", Confidential());
        await c.RejectedAsync(c.Deu, "acknowledge", new JsonObject { ["confidentiality"] = "maybe" }, HttpStatusCode.BadRequest);
    }
}
