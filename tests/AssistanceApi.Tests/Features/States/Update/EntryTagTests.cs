using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Features.States.Update;

/// <summary>
/// A directory entry has an entity tag: GET gives it, PUT with it as If-Match changes the entry only if nobody changed it
/// since (two secretariat editors on one day no longer overwrite each other; asOf, a day, could not tell them apart).
/// </summary>
public sealed class EntryTagTests(SharedApi api) : IClassFixture<SharedApi>
{
    private static HttpRequestMessage Put(string code, JsonNode body, string? ifMatch)
    {
        var message = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/states/{code}") { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        if (ifMatch is not null) message.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return message;
    }

    [Fact]
    public async Task A_put_with_the_tag_it_read_changes_the_entry_and_gives_the_new_tag()
    {
        var secretariat = api.As(DemoKeys.Secretariat);
        var read = await secretariat.GetAsync("/api/v1/states/VNM");
        await read.ExpectAsync(HttpStatusCode.OK);

        var put = await secretariat.SendAsync(Put("VNM", Bodies.StateBody(email: "first@vnm.example.org"), read.ETag()));
        await put.ExpectAsync(HttpStatusCode.OK);

        Assert.NotEqual(read.ETag(), put.ETag());
        Assert.Equal(put.ETag(), (await secretariat.GetAsync("/api/v1/states/VNM")).ETag());
        Assert.NotEqual(put.ETag(), (await api.As(DemoKeys.Fra).GetAsync("/api/v1/states/KEN")).ETag());
    }

    [Fact]
    public async Task A_put_with_a_tag_read_before_another_edit_is_a_412_and_changes_nothing()
    {
        var secretariat = api.As(DemoKeys.Secretariat);
        var before = (await secretariat.GetAsync("/api/v1/states/QAT")).ETag();
        var other = await secretariat.SendAsync(Put("QAT", Bodies.StateBody(email: "other-editor@qat.example.org"), before));
        await other.ExpectAsync(HttpStatusCode.OK);

        var stale = await secretariat.SendAsync(Put("QAT", Bodies.StateBody(email: "late-editor@qat.example.org"), before));

        await stale.ExpectProblemAsync(HttpStatusCode.PreconditionFailed, "stale-version");
        var now = await (await secretariat.GetAsync("/api/v1/states/QAT")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("other-editor@qat.example.org", now["centralAuthority"]!["email"].Str());
    }

    [Theory]
    [InlineData("W/\"abc\"", HttpStatusCode.PreconditionFailed)]
    [InlineData("\"0123456789abcdef0123456789abcdef\"", HttpStatusCode.PreconditionFailed)]
    [InlineData("abc", HttpStatusCode.BadRequest)]
    public async Task A_put_with_a_tag_that_is_not_the_entry_s_changes_nothing(string ifMatch, HttpStatusCode status)
    {
        var secretariat = api.As(DemoKeys.Secretariat);
        var before = await secretariat.GetAsync("/api/v1/states/NOR");

        await (await secretariat.SendAsync(Put("NOR", Bodies.StateBody(), ifMatch))).ExpectProblemAsync(status);

        Assert.Equal(before.ETag(), (await secretariat.GetAsync("/api/v1/states/NOR")).ETag());
    }
}
