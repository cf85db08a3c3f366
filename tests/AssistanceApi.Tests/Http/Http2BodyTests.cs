using System.Net;
using System.Text;
using AssistanceApi.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace AssistanceApi.Tests.Http;

/// <summary>
/// The body rules over HTTP/2, where a body comes with neither Content-Length nor Transfer-Encoding: whether one
/// follows is the frames' business, and the rules must ask the server (the in-memory test server speaks HTTP/1.1 only,
/// so this host listens on a loopback port, HTTP/2 by prior knowledge).
/// </summary>
public sealed class Http2BodyTests : IAsyncLifetime
{
    private const string Requests = "/api/v1/requests";
    private readonly ApiFactory _api = new();
    private HttpClient _fra = null!;

    public Task InitializeAsync()
    {
        _api.Settings["RateLimiting:PermitsPerMinute"] = "1000000";
        _api.Settings["Limits:MaxBodyBytes"] = "4096";
        _api.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        _api.StartServer();
        var address = _api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _fra = new HttpClient
        {
            BaseAddress = new Uri(address), DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        _fra.DefaultRequestHeaders.Add("X-Api-Key", DemoKeys.Fra);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _fra.Dispose();
        await _api.DisposeAsync();
    }

    /// <summary>Content whose length the client does not know, so HTTP/2 sends DATA frames and no Content-Length.</summary>
    private sealed class UnknownLength(string text) : HttpContent
    {
        private readonly byte[] _bytes = Encoding.UTF8.GetBytes(text);

        public UnknownLength(string text, string contentType) : this(text) => Headers.TryAddWithoutValidation("Content-Type", contentType);

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, HttpContent? content)
    {
        var message = new HttpRequestMessage(method, url) { Content = content, Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        var response = await _fra.SendAsync(message);
        Assert.Equal(HttpVersion.Version20, response.Version);
        return response;
    }

    private async Task<string> CreateDraftAsync() =>
        (await (await SendAsync(HttpMethod.Post, Requests, new UnknownLength("""{"kind":"mutual-legal-assistance","requestedState":"DEU"}""", "application/json")))
            .ExpectAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();

    [Fact]
    public async Task A_json_body_without_a_length_is_read()
    {
        var id = await CreateDraftAsync();

        var body = await (await SendAsync(HttpMethod.Get, $"{Requests}/{id}", null)).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("DEU", body["requestedState"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("DELETE")]
    public async Task A_body_without_a_length_on_a_get_or_delete_is_refused_and_nothing_is_done(string method)
    {
        var id = await CreateDraftAsync();

        var problem = await (await SendAsync(new HttpMethod(method), $"{Requests}/{id}", new UnknownLength("""{"limit":1}""", "application/json")))
            .ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["body-not-accepted"], problem.Codes());
        await (await SendAsync(HttpMethod.Get, $"{Requests}/{id}", null)).ExpectAsync(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("POST", "/validation", HttpStatusCode.OK)]
    [InlineData("GET", "", HttpStatusCode.OK)]
    [InlineData("DELETE", "", HttpStatusCode.NoContent)]
    public async Task A_body_without_a_length_that_turns_out_empty_counts_as_none(string method, string action, HttpStatusCode status)
    {
        var id = await CreateDraftAsync();

        var response = await SendAsync(new HttpMethod(method), $"{Requests}/{id}{action}", new UnknownLength("", "application/json"));

        Assert.True(response.StatusCode == status, $"{method}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task A_post_with_no_body_frames_at_all_reads_as_an_empty_object()
    {
        var id = await CreateDraftAsync();

        var report = await (await SendAsync(HttpMethod.Post, $"{Requests}/{id}/validation", null)).ExpectAsync(HttpStatusCode.OK);

        Assert.NotNull(report["compliant"]);
    }

    [Fact]
    public async Task A_body_without_a_length_past_the_limit_is_a_413_and_nothing_is_created()
    {
        var before = (await _fra.ListIdsAsync()).Count;
        var huge = $$"""{"kind":"mutual-legal-assistance","requestedState":"DEU","facts":"{{new string('x', 8_000)}}"}""";

        await (await SendAsync(HttpMethod.Post, Requests, new UnknownLength(huge, "application/json"))).ExpectProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal(before, (await _fra.ListIdsAsync()).Count);
    }

    [Fact]
    public async Task A_body_without_a_length_in_another_media_type_is_a_415()
    {
        var before = (await _fra.ListIdsAsync()).Count;

        await (await SendAsync(HttpMethod.Post, Requests, new UnknownLength("kind=mutual-legal-assistance", "application/x-www-form-urlencoded")))
            .ExpectProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");

        Assert.Equal(before, (await _fra.ListIdsAsync()).Count);
    }
}
