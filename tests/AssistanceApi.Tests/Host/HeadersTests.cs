using System.Net;
using System.Text;
using AssistanceApi.Features.Requests;
using AssistanceApi.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace AssistanceApi.Tests.Host;

/// <summary>Transport and response headers: nosniff, no-store, HTTPS redirection with HSTS, and a 500 that says nothing internal.</summary>
public sealed class HeadersTests
{
    private static void AssertApiHeaders(HttpResponseMessage response, string what)
    {
        Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var nosniff), $"{what}: no X-Content-Type-Options");
        Assert.Equal("nosniff", Assert.Single(nosniff));
        Assert.True(response.Headers.CacheControl?.NoStore == true, $"{what}: Cache-Control is '{response.Headers.CacheControl}'");
    }

    [Fact]
    public async Task Every_kind_of_api_response_is_nosniff_and_no_store()
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);
        var cases = new (string What, Func<Task<HttpResponseMessage>> Call, HttpStatusCode Status)[]
        {
            ("200 read", () => fra.GetAsync("/api/v1/states/FRA"), HttpStatusCode.OK),
            ("201 create", () => fra.PostJsonAsync("/api/v1/requests", Bodies.MinimalDraft()), HttpStatusCode.Created),
            ("400 invalid", () => fra.PostRawAsync("/api/v1/requests", "{\"kind\":"), HttpStatusCode.BadRequest),
            ("401 no key", () => api.As(null).GetAsync("/api/v1/states"), HttpStatusCode.Unauthorized),
            ("403 role", () => api.As(DemoKeys.Secretariat).GetAsync("/api/v1/requests"), HttpStatusCode.Forbidden),
            ("404 unknown", () => fra.GetAsync($"/api/v1/requests/{Guid.CreateVersion7()}"), HttpStatusCode.NotFound),
            ("415 media type", () => fra.PostRawAsync("/api/v1/requests", "kind=x", "text/plain"), HttpStatusCode.UnsupportedMediaType),
        };
        foreach (var (what, call, status) in cases)
        {
            var response = await call();
            Assert.True(status == response.StatusCode, $"{what}: got {(int)response.StatusCode}");
            AssertApiHeaders(response, what);
        }

        var health = await api.As(null).GetAsync("/health/live");
        Assert.Equal("nosniff", Assert.Single(health.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task With_HttpsRedirection_on_http_is_redirected_to_https_and_https_carries_HSTS()
    {
        await using var api = new ApiFactory();
        api.Settings["Security:HttpsRedirection"] = "true";
        // Kestrel tells the middleware its https port; the in-memory test server has none, so configuration does.
        api.Settings["HTTPS_PORT"] = "443";

        var http = api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://api.example.org") });
        http.DefaultRequestHeaders.Add("X-Api-Key", DemoKeys.Fra);
        var redirect = await http.GetAsync("/api/v1/states/FRA?x=1");
        Assert.True(redirect.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect, $"got {(int)redirect.StatusCode}");
        Assert.Equal("https://api.example.org/api/v1/states/FRA?x=1", redirect.Headers.Location?.ToString());
        Assert.DoesNotContain("France", await redirect.Content.ReadAsStringAsync());

        var https = api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://api.example.org") });
        https.DefaultRequestHeaders.Add("X-Api-Key", DemoKeys.Fra);
        var ok = await https.GetAsync("/api/v1/states/FRA");
        await ok.ExpectAsync(HttpStatusCode.OK);
        Assert.True(ok.Headers.TryGetValues("Strict-Transport-Security", out var hsts), "no Strict-Transport-Security over https");
        Assert.StartsWith("max-age=31536000", Assert.Single(hsts));
    }

    private const string Sentinel = "SENTINEL-internal-detail-7f3c";

    [Fact]
    public async Task An_unexpected_exception_is_a_500_problem_that_says_nothing_internal()
    {
        await using var api = new ApiFactory();
        var logs = new CapturingLoggerProvider();
        // A broken dependency of the validation handler, injected from outside: the exception path of the pipeline.
        await using var faulty = api.WithWebHostBuilder(b =>
        {
            b.ConfigureServices(s =>
            {
                s.RemoveAll<TreatyCheck>();
                s.AddSingleton<TreatyCheck>(_ => throw new InvalidOperationException(Sentinel + " SELECT * FROM clients"));
            });
            b.ConfigureLogging(l => l.AddProvider(logs));
        });
        var fra = faulty.CreateClient();
        fra.DefaultRequestHeaders.Add("X-Api-Key", DemoKeys.Fra);

        var response = await fra.PostAsync("/api/v1/requests/validation",
            new StringContent(Bodies.CompleteMla().ToJsonString(), Encoding.UTF8, "application/json"));

        var problem = await response.ExpectProblemAsync(HttpStatusCode.InternalServerError);
        var text = problem.ToJsonString();
        Assert.Equal("/problems/internal-error", problem["type"].Str());
        Assert.DoesNotContain(Sentinel, text);
        Assert.DoesNotContain("SELECT", text);
        Assert.DoesNotContain("InvalidOperationException", text);
        Assert.DoesNotContain("   at ", text);
        Assert.DoesNotContain(".cs:line", text);
        AssertApiHeaders(response, "500");

        // The operator, not the caller, gets the detail: logged as an error, quotable by traceId.
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Error && e.Text.Contains(Sentinel));

        // The rest of the API still answers.
        await (await fra.GetAsync("/api/v1/states/FRA")).ExpectAsync(HttpStatusCode.OK);
    }
}
