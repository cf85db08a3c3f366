using System.Net;
using AssistanceApi.Tests.Support;
using static AssistanceApi.Tests.Support.WebhookCalls;

namespace AssistanceApi.Tests.Features.Webhooks.Create;

/// <summary>
/// A subscription body that is not what the contract says is a 400 problem+json and subscribes nothing. This class's
/// host never gets a subscription, so "nothing" is checked as an empty list.
/// </summary>
public sealed class WebhookBadBodyTests(SharedApi api) : IClassFixture<SharedApi>
{
    public static TheoryData<string, string> BadBodies() => new()
    {
        { "malformed JSON", """{"url":"https://hooks.example.org/x" """ },
        { "not an object", """["https://hooks.example.org/x"]""" },
        { "null", "null" },
        { "url a number", """{"url":42}""" },
        { "url null", """{"url":null}""" },
        { "types a string", """{"url":"https://hooks.example.org/x","types":"request.submitted"}""" },
        { "types of numbers", """{"url":"https://hooks.example.org/x","types":[1]}""" },
        { "types with a null", """{"url":"https://hooks.example.org/x","types":[null]}""" },
        { "description an object", """{"url":"https://hooks.example.org/x","description":{}}""" },
        { "description too long", $$"""{"url":"https://hooks.example.org/x","description":"{{new string('d', 201)}}"}""" },
        { "description on two lines", """{"url":"https://hooks.example.org/x","description":"a\nb"}""" },
        { "url too long", $$"""{"url":"https://hooks.example.org/{{new string('p', 2000)}}"}""" },
        { "url with a control character", """{"url":"https://hooks.example.org/\u0001"}""" },
        { "lone surrogate", """{"url":"https://hooks.example.org/x","description":"\ud800"}""" },
        { "unknown field", """{"url":"https://hooks.example.org/x","secret":"whsec_mine"}""" },
        { "repeated field", """{"url":"https://hooks.example.org/x","url":"https://hooks.example.org/y"}""" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_bad_body_is_a_400_problem_and_subscribes_nothing(string label, string body)
    {
        var fra = api.As(DemoKeys.Fra);

        var response = await fra.PostRawAsync(WebhooksUrl, body);

        await response.ExpectProblemAsync(HttpStatusCode.BadRequest);
        var list = await (await fra.GetAsync($"{WebhooksUrl}?limit=200")).ExpectAsync(HttpStatusCode.OK);
        Assert.True(list["items"]!.AsArray().Count == 0, $"{label}: a subscription was written");
    }
}
