using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;
using static AssistanceApi.Tests.Support.BodyParts;
using static AssistanceApi.Tests.Support.Preservations;

namespace AssistanceApi.Tests.Features.Requests.Release;

/// <summary>Either State releases a preservation, giving its reason; released is terminal.</summary>
public sealed class ReleaseTests(SharedApi api) : IClassFixture<SharedApi>
{
    [Theory]
    [InlineData("requesting", "FRA")]
    [InlineData("requested", "DEU")]
    public async Task Either_State_releases_with_a_reason(string side, string byState)
    {
        var x = await PreservedAsync(api);
        var client = side == "requesting" ? x.Requesting : x.Requested;
        var released = await x.ActAsync(client, "release", Reason("The suspect was identified otherwise."));
        Assert.Equal("released", released["status"].Str());
        Assert.Equal("The suspect was identified otherwise.", released["release"]!["reason"].Str());
        Assert.Equal(byState, released["release"]!["byState"].Str());
        Assert.Empty(released["allowedActions"]!.AsArray());
        Assert.NotNull(released["closedAt"]);

        var other = await x.GetAsync(side == "requesting" ? x.Requested : x.Requesting);
        Assert.Equal("released", other["status"].Str());
        Assert.Equal(byState, other["release"]!["byState"].Str());
        Assert.Empty(other["allowedActions"]!.AsArray());
        // Released is terminal.
        await (await x.TryAsync(x.Requesting, "extend", Until("2027-06-01"))).ExpectProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"reason\":\"\"}")]
    [InlineData("{\"reason\":\"   \"}")]
    public async Task Releasing_without_a_reason_is_a_400(string body)
    {
        var x = await PreservedAsync(api);
        await (await x.TryAsync(x.Requesting, "release", JsonNode.Parse(body))).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("preserved", (await x.GetAsync(x.Requesting))["status"].Str());
    }
}
