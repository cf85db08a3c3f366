using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Features.Requests.Consult;

/// <summary>A consultation names what the requested State intends and the conditions it proposes (Art. 40(27)).</summary>
public sealed class ConsultTests(SharedApi api) : IClassFixture<SharedApi>
{
    [Theory]
    [InlineData("""{"proposedConditions":[]}""", "intent")]
    [InlineData("""{"intent":"refuse"}""", "proposedConditions")]
    [InlineData("""{"intent":"give-up","proposedConditions":[]}""", "intent")]
    public async Task A_consultation_needs_an_intent_and_its_conditions(string body, string name)
    {
        var c = await Case.AtAsync(api, "acknowledged");
        var problem = await c.RejectedAsync(c.Deu, "consult", JsonNode.Parse(body)!, HttpStatusCode.BadRequest);
        Assert.Contains(name, problem.Names());
    }
}
