using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Features.Requests.RequestInformation;

/// <summary>Asking for information needs questions (Art. 40(16)); a rejected body changes nothing.</summary>
public sealed class RequestInformationTests(SharedApi api) : IClassFixture<SharedApi>
{
    [Theory]
    [InlineData("{\"questions\":[]}")]
    [InlineData("{}")]
    public async Task Asking_for_information_without_questions_is_422(string body)
    {
        var c = await Case.AtAsync(api, "acknowledged");
        var problem = await c.RejectedAsync(c.Deu, "request-information", JsonNode.Parse(body)!, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("/problems/uncc-40-16", problem["type"].Str());
        Assert.Equal(["uncc-40-16"], problem.Codes());
    }

    [Theory]
    [InlineData("{\"questions\":[\"\"]}")]
    [InlineData("{\"questions\":\"Which mailbox?\"}")]
    [InlineData("{\"questions\":[1]}")]
    public async Task Ill_formed_questions_are_400(string body)
    {
        var c = await Case.AtAsync(api, "acknowledged");
        await c.RejectedAsync(c.Deu, "request-information", JsonNode.Parse(body)!, HttpStatusCode.BadRequest);
    }
}
