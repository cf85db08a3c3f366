using System.Net;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Http;

/// <summary>
/// A read of a request or a directory entry honours If-Match (412 when it names another version); a directory entry's
/// also If-None-Match (304, no body, when it names this one), a request's refuses it (what a request shows changes with
/// time too, which its version does not follow). A request another State may not see stays a 404 whatever is asked.
/// </summary>
public sealed class ConditionalReadTests(SharedApi api) : IClassFixture<SharedApi>
{
    private static HttpRequestMessage Get(string url, string header, string value)
    {
        var message = new HttpRequestMessage(HttpMethod.Get, url);
        message.Headers.TryAddWithoutValidation(header, value);
        return message;
    }

    private async Task<string> DraftAsync() => $"/api/v1/requests/{await api.As(DemoKeys.Fra).CreateDraftAsync(Bodies.CompleteMla())}";

    [Theory]
    [InlineData("\"1\"")]
    [InlineData("\"2\"")]
    [InlineData("*")]
    public async Task If_None_Match_on_a_request_is_refused_as_its_version_does_not_follow_what_time_changes(string ifNoneMatch)
    {
        var url = await DraftAsync();

        var problem = await (await api.As(DemoKeys.Fra).SendAsync(Get(url, "If-None-Match", ifNoneMatch))).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["precondition-not-accepted"], problem.Codes());
        Assert.Contains("time", problem["errors"]![0]!["reason"].Str());
    }

    [Fact]
    public async Task If_Match_naming_the_current_version_gets_the_request_and_another_is_412()
    {
        var url = await DraftAsync();
        var fra = api.As(DemoKeys.Fra);

        await (await fra.SendAsync(Get(url, "If-Match", "\"1\""))).ExpectAsync(HttpStatusCode.OK);
        await (await fra.SendAsync(Get(url, "If-Match", "\"2\""))).ExpectProblemAsync(HttpStatusCode.PreconditionFailed, "stale-version");
        // Read as on a change: what is no version this API issued is 400, not a stale version.
        foreach (var notIssued in new[] { "abc", "\"abc\"", "\"01\"" })
            Assert.Equal(["invalid-if-match"], (await (await fra.SendAsync(Get(url, "If-Match", notIssued))).ExpectProblemAsync(HttpStatusCode.BadRequest)).Codes());
    }

    [Theory]
    [InlineData("If-None-Match", "*")]
    [InlineData("If-None-Match", "\"1\"")]
    [InlineData("If-Match", "\"2\"")]
    public async Task A_State_that_may_not_see_the_request_gets_404_whatever_it_asks(string header, string value)
    {
        var url = await DraftAsync();

        await (await api.As(DemoKeys.Bra).SendAsync(Get(url, header, value))).ExpectProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await api.As(DemoKeys.Bra).SendAsync(Get(url.Replace(url[^12..], "000000000000"), header, value)))
            .ExpectProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task A_directory_entry_is_304_for_its_own_tag_and_412_for_another()
    {
        var fra = api.As(DemoKeys.Fra);
        var entry = await fra.GetAsync("/api/v1/states/FRA");
        var tag = entry.Headers.ETag!.ToString();

        Assert.Equal(HttpStatusCode.NotModified, (await fra.SendAsync(Get("/api/v1/states/FRA", "If-None-Match", tag))).StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await fra.SendAsync(Get("/api/v1/states/FRA", "If-None-Match", $"\"x\", W/{tag}"))).StatusCode);
        await (await fra.SendAsync(Get("/api/v1/states/FRA", "If-None-Match", "\"other\""))).ExpectAsync(HttpStatusCode.OK);
        await (await fra.SendAsync(Get("/api/v1/states/FRA", "If-Match", "\"other\""))).ExpectProblemAsync(HttpStatusCode.PreconditionFailed, "stale-version");
        await (await fra.SendAsync(Get("/api/v1/states/FRA", "If-Match", tag))).ExpectAsync(HttpStatusCode.OK);
    }
}
