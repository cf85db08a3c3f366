using System.Net;
using System.Text;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Host;

/// <summary>Actions with no body ("start-execution", "resume") need none: no content at all, or {}.</summary>
public sealed class EmptyBodyTests(SharedApi api) : IClassFixture<SharedApi>
{
    [Theory]
    [InlineData("start-execution", "acknowledged", "none")]
    [InlineData("start-execution", "acknowledged", "{}")]
    [InlineData("resume", "postponed", "none")]
    [InlineData("resume", "postponed", "{}")]
    public async Task Bodiless_actions_accept_an_empty_POST(string action, string from, string body)
    {
        var c = await Case.AtAsync(api, from);
        var version = (await c.GetAsync(c.Deu)).Version();

        var response = body == "none"
            ? await c.Deu.PostAsync(c.Url(action), null)
            : await c.Deu.PostAsync(c.Url(action), new StringContent(body, Encoding.UTF8, "application/json"));

        var done = await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("in-execution", done["status"].Str());
        Assert.Equal(version + 1, done.Version());
        Assert.Equal($"\"{version + 1}\"", response.ETag());
    }

    [Theory]
    [InlineData("start-execution", "submitted")]
    [InlineData("resume", "in-execution")]
    public async Task Bodiless_actions_still_answer_409_with_no_content(string action, string forbiddenPosition)
    {
        var c = await Case.AtAsync(api, forbiddenPosition);
        var snapshot = await c.SnapshotAsync();

        var problem = await (await c.Deu.PostAsync(c.Url(action), null)).ExpectProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal((await c.GetAsync(c.Deu))["allowedActions"].Strings(), problem["allowedActions"].Strings());
        await c.AssertUnchangedAsync(snapshot);
    }

    [Fact]
    public async Task Submit_accepts_a_POST_with_no_content()
    {
        var c = await Case.AtAsync(api, "draft");
        var submitted = await (await c.Fra.PostAsync(c.Url("submit"), null)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("submitted", submitted["status"].Str());
    }
}
