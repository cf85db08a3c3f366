using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Features.Requests.ProvideInformation;

/// <summary>The requesting State answers the questions asked (Art. 40(16)); a rejected body changes nothing.</summary>
public sealed class ProvideInformationTests(SharedApi api) : IClassFixture<SharedApi>
{
    [Fact]
    public async Task The_answers_are_kept_with_their_questions()
    {
        var c = await Case.AtAsync(api, "in-execution");
        await c.ActAsync(c.Deu, "request-information", new JsonObject { ["questions"] = new JsonArray("Which mailbox?", "Which period?") });
        var answered = await c.ActAsync(c.Fra, "provide-information", new JsonObject { ["answers"] = new JsonArray("ransom@mail.example.org") });

        Assert.Equal("in-execution", answered["status"].Str());
        var asked = answered["informationRequests"]![0]!;
        Assert.Equal(["Which mailbox?", "Which period?"], asked["questions"].Strings());
        Assert.Equal(["ransom@mail.example.org"], asked["answers"].Strings());
    }

    [Theory]
    [InlineData("{\"answers\":[]}")]
    [InlineData("{}")]
    public async Task Answering_without_answers_is_422(string body)
    {
        var c = await Case.AtAsync(api, "information-requested");
        var problem = await c.RejectedAsync(c.Fra, "provide-information", JsonNode.Parse(body)!, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["uncc-40-16"], problem.Codes());
    }
}
