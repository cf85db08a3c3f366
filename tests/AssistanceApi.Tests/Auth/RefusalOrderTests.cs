using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Auth;

/// <summary>
/// A caller without a key learns 401, and one whose role may not call the endpoint 403, before anything about what its
/// request got wrong (media type, coding, query, preconditions): the contract's "no or bad key" comes first.
/// </summary>
public sealed class RefusalOrderTests(SharedApi api) : IClassFixture<SharedApi>
{
    private static HttpRequestMessage Post(string url, string body, string mediaType, string? coding = null, string? ifNoneMatch = null)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        if (coding is not null) message.Content.Headers.ContentEncoding.Add(coding);
        if (ifNoneMatch is not null) message.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return message;
    }

    public static TheoryData<string> Refusable() => ["text/plain", "gzip", "query", "if-none-match"];

    private static HttpRequestMessage Refusable(string what) => what switch
    {
        "text/plain" => Post("/api/v1/requests", "{}", "text/plain"),
        "gzip" => Post("/api/v1/requests", "{}", "application/json", coding: "gzip"),
        "query" => new HttpRequestMessage(HttpMethod.Get, "/api/v1/requests?foo=1"),
        _ => Post("/api/v1/requests", "{}", "application/json", ifNoneMatch: "*"),
    };

    [Theory]
    [MemberData(nameof(Refusable))]
    public async Task Without_a_key_any_such_request_is_401(string what)
    {
        await (await api.As(null).SendAsync(Refusable(what))).ExpectProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
        await (await api.As("demo-fra-ca-wrong").SendAsync(Refusable(what))).ExpectProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("query")]
    [InlineData("if-none-match")]
    public async Task With_a_role_that_may_not_call_the_endpoint_it_is_403(string what)
    {
        await (await api.As(DemoKeys.FraAdmin).SendAsync(Refusable(what))).ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Theory]
    [MemberData(nameof(Refusable))]
    public async Task With_a_key_that_may_call_it_the_request_is_refused_for_what_it_got_wrong(string what)
    {
        var response = await api.As(DemoKeys.Fra).SendAsync(Refusable(what));

        if (what is "text/plain" or "gzip") await response.ExpectProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        else Assert.Equal([what == "query" ? "unknown-field" : "precondition-not-accepted"], (await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "invalid-input")).Codes());
    }
}
