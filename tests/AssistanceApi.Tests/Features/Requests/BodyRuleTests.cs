using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;
using static AssistanceApi.Tests.Support.LifecycleTable;

namespace AssistanceApi.Tests.Features.Requests;

/// <summary>
/// What every action's body must be: JSON of the expected shape and media type, without unknown fields; a rejected
/// body changes nothing. What each action's body must say is tested in the action's folder (contract §4 "body / guard").
/// </summary>
public sealed class BodyRuleTests(SharedApi api) : IClassFixture<SharedApi>
{
    [Theory]
    [InlineData("withdraw", "{\"reason\": ")]
    [InlineData("acknowledge", "[]")]
    [InlineData("refuse", "{\"grounds\":[\"essential-interests\"],\"reasons\":\"x\",}")]
    public async Task A_body_that_is_not_the_expected_JSON_is_400(string action, string body)
    {
        var c = await Case.AtAsync(api, action == "refuse" ? "consultation-declined" : "submitted");
        var snapshot = await c.SnapshotAsync();
        await (await c.Side(SideOf(action)).PostRawAsync(c.Url(action), body)).ExpectProblemAsync(HttpStatusCode.BadRequest);
        await c.AssertUnchangedAsync(snapshot);
    }

    [Theory]
    [InlineData("withdraw", "text/plain")]
    [InlineData("acknowledge", "application/xml")]
    public async Task A_body_of_another_media_type_is_415(string action, string mediaType)
    {
        var c = await Case.AtAsync(api, "submitted");
        var snapshot = await c.SnapshotAsync();
        await (await c.Side(SideOf(action)).PostRawAsync(c.Url(action), ValidBody(action).ToJsonString(), mediaType))
            .ExpectProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        await c.AssertUnchangedAsync(snapshot);
    }

    [Fact]
    public async Task An_unknown_field_in_an_action_body_is_400()
    {
        var c = await Case.AtAsync(api, "submitted");
        await c.RejectedAsync(c.Deu, "acknowledge", new JsonObject { ["requestedReferense"] = "typo" }, HttpStatusCode.BadRequest);
    }
}
