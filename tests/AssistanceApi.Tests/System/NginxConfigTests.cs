#if !POSTGRES
using System.Net;
using System.Text;
using AssistanceApi.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace AssistanceApi.Tests.SystemTests;

/// <summary>
/// The proxy the compose stack publishes: `nginx -t` on the committed config, and the config running in front of
/// the API on Kestrel (TLS, the port 80 redirect, HSTS, no redirect loop, the per-client limit, the body limit).
/// The proxy does not depend on the database provider, so these run in the SQLite project only.
/// </summary>
public sealed class NginxConfigTests
{
    private static readonly string Config = File.ReadAllText(NginxProxy.Committed);

    [NginxFact]
    public void The_committed_config_passes_nginx_t_with_a_certificate_from_make_dev_cert()
    {
        using var proxy = NginxProxy.ForTest();

        var (exitCode, output) = proxy.Test();

        Assert.True(exitCode == 0, $"nginx -t failed:\n{output}");
        Assert.Contains("test is successful", output);
    }

    [Fact]
    public void Only_modern_TLS_is_offered_HSTS_lasts_a_year_and_port_80_only_redirects()
    {
        Assert.Contains("listen 443 ssl;", Config);
        Assert.Contains("ssl_protocols TLSv1.2 TLSv1.3;", Config);
        Assert.Contains("add_header Strict-Transport-Security \"max-age=31536000\" always;", Config);
        Assert.Contains("proxy_hide_header Strict-Transport-Security;", Config);
        var plain = Config[Config.IndexOf("listen 80;", StringComparison.Ordinal)..Config.IndexOf("listen 443", StringComparison.Ordinal)];
        Assert.Contains("return 301 https://$host$request_uri;", plain);
        Assert.DoesNotContain("proxy_pass", plain);
    }

    [Fact]
    public void The_proxy_replaces_the_forwarded_headers_and_refuses_bodies_over_the_APIs_limit()
    {
        Assert.Contains("proxy_set_header X-Forwarded-For $remote_addr;", Config);
        Assert.DoesNotContain("$proxy_add_x_forwarded_for", Config);
        Assert.Contains("proxy_set_header X-Forwarded-Proto $scheme;", Config);
        Assert.Contains("proxy_set_header Host $host;", Config);
        // nginx's "1m" is 1 MiB, the API's Limits:MaxBodyBytes default.
        Assert.Contains("client_max_body_size 1m;", Config);
        var settings = File.ReadAllText(RepoRoot.File("src", "AssistanceApi", "appsettings.json"));
        Assert.Contains("\"MaxBodyBytes\": 1048576", settings);
    }

    [Fact]
    public void The_rate_limit_is_keyed_on_the_key_prefix_never_the_secret_with_the_address_as_fallback()
    {
        Assert.Contains("map $http_x_api_key $rate_limit_client {", Config);
        Assert.Contains("\"~^uncc_(?<key_prefix>[0-9a-f]{8})_\" \"key:$key_prefix\";", Config);
        Assert.Contains("default \"address:$binary_remote_addr\";", Config);
        Assert.Contains("limit_req_zone $rate_limit_client zone=per_client:", Config);
        Assert.DoesNotContain("limit_req_zone $http_x_api_key", Config);
        Assert.Contains("limit_req_status 429;", Config);
        Assert.Contains("add_header Retry-After", Config);
    }

    [NginxFact]
    public async Task In_front_of_the_API_it_serves_TLS_with_one_HSTS_header_and_the_API_does_not_redirect_it_in_a_loop()
    {
        await using var api = StartApiOnKestrel();
        using var proxy = NginxProxy.Start(ApiPort(api));
        using var https = HttpsClient(proxy);

        var response = await https.GetAsync("/api/v1/states/FRA");

        // The API has HTTPS redirection on and sees a plain-http connection; X-Forwarded-Proto from loopback (trusted) ends it.
        await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("max-age=31536000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
        Assert.Equal("nginx", response.Headers.Server.ToString()); // server_tokens off: no version to look up exploits for
    }

    [NginxFact]
    public async Task Port_80_answers_every_path_with_a_permanent_redirect_to_https()
    {
        await using var api = StartApiOnKestrel();
        using var proxy = NginxProxy.Start(ApiPort(api));
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://localhost:{proxy.HttpPort}") };
        http.DefaultRequestHeaders.Add("X-Api-Key", DemoKeys.Fra);

        var get = await http.GetAsync("/api/v1/states/FRA?x=1");
        var post = await http.PostAsync("/api/v1/requests", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.MovedPermanently, get.StatusCode);
        Assert.Equal("https://localhost/api/v1/states/FRA?x=1", get.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.MovedPermanently, post.StatusCode);
        Assert.DoesNotContain("France", await get.Content.ReadAsStringAsync());
    }

    [NginxFact]
    public async Task A_client_over_its_rate_gets_429_with_Retry_After_from_the_proxy_whatever_secret_follows_its_prefix()
    {
        await using var api = StartApiOnKestrel();
        using var proxy = NginxProxy.Start(ApiPort(api));
        using var https = HttpsClient(proxy, apiKey: null);

        // 600 a minute with a burst of 600: the 602nd call in a row is over, whatever replica would have served it. The
        // bucket refills one call every 100 ms, so a slow machine needs a few more; the address bucket (1800) stays clear.
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 1500 && limited is null; i++)
        {
            var response = await CallWithKey(https, "uncc_0123abcd_" + new string('a', 43));
            if (response.StatusCode == HttpStatusCode.TooManyRequests) limited = response;
            else Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        Assert.NotNull(limited);
        var problem = await limited.ExpectProblemLikeAsync();
        Assert.Equal("/problems/rate-limited", problem["type"].Str());
        Assert.Equal("1", Assert.Single(limited.Headers.GetValues("Retry-After")));
        Assert.Equal("max-age=31536000", Assert.Single(limited.Headers.GetValues("Strict-Transport-Security")));
        // The bucket is the prefix: another secret behind it is just as limited (a fresh bucket would let all 50 through;
        // this one lets through only what refilled meanwhile); another prefix is not.
        var sameBucket = new List<HttpStatusCode>();
        for (var i = 0; i < 50; i++) sameBucket.Add((await CallWithKey(https, "uncc_0123abcd_" + new string('b', 43))).StatusCode);
        Assert.Contains(HttpStatusCode.TooManyRequests, sameBucket);
        Assert.All(sameBucket, status => Assert.True(status is HttpStatusCode.TooManyRequests or HttpStatusCode.Unauthorized, status.ToString()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await CallWithKey(https, "uncc_89abcdef_" + new string('a', 43))).StatusCode);
    }

    [NginxFact]
    public async Task An_X_Forwarded_For_sent_by_the_client_does_not_reach_the_API_as_its_address()
    {
        await using var api = StartApiOnKestrel(apiPermitsPerMinute: 1);
        using var proxy = NginxProxy.Start(ApiPort(api));
        using var https = HttpsClient(proxy, apiKey: null);

        // Unauthenticated calls count per address in the API: a new invented address on each call must not be a new bucket.
        var first = await SendForwardedForAsync(https, "198.51.100.1");
        var second = await SendForwardedForAsync(https, "198.51.100.2");

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Contains("1 requests a minute", (await second.ExpectProblemLikeAsync())["detail"].Str());
    }

    private static Task<HttpResponseMessage> SendForwardedForAsync(HttpClient client, string address)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/states");
        request.Headers.Add("X-Forwarded-For", address);
        return client.SendAsync(request);
    }

    [NginxFact]
    public async Task A_body_over_1_MiB_is_a_413_problem_from_the_proxy()
    {
        await using var api = StartApiOnKestrel();
        using var proxy = NginxProxy.Start(ApiPort(api));
        using var https = HttpsClient(proxy);

        var response = await https.PostAsync("/api/v1/requests", new StringContent(new string(' ', (1 << 20) + 1), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("/problems/body-too-large", (await response.ExpectProblemLikeAsync())["type"].Str());
    }

    [Fact]
    public void The_proxy_refuses_metrics_and_forwards_to_the_APIs_port_alone()
    {
        Assert.Contains("location ~* ^/metrics(/|$) {", Config);
        var metrics = Config[Config.IndexOf("location ~* ^/metrics", StringComparison.Ordinal)..];
        metrics = metrics[..metrics.IndexOf('}')];
        Assert.Contains("return 404", metrics);
        Assert.DoesNotContain("proxy_pass", metrics);
        // The replicas' metrics port is reached inside the stack only, never through the proxy.
        Assert.Contains("server api:8080 ", Config);
        var directives = string.Join('\n', Config.Split('\n').Where(line => !line.TrimStart().StartsWith('#')));
        Assert.DoesNotContain("9464", directives);
    }

    [NginxFact]
    public async Task Metrics_served_by_the_API_are_a_404_problem_through_the_proxy_whatever_the_case()
    {
        // Served on the API's own port here, so only the proxy stands between /metrics and the public.
        await using var api = StartApiOnKestrel(configure: a => a.Settings["Telemetry:PrometheusEnabled"] = "true");
        using var direct = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ApiPort(api)}") };
        direct.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        Assert.Equal(HttpStatusCode.OK, (await direct.GetAsync("/metrics")).StatusCode);
        using var proxy = NginxProxy.Start(ApiPort(api));
        using var https = HttpsClient(proxy, apiKey: null);

        foreach (var path in new[] { "/metrics", "/METRICS", "/metrics/", "/metrics?x=1" })
        {
            var response = await https.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
            Assert.Equal("/problems/not-found", (await response.ExpectProblemLikeAsync())["type"].Str());
            Assert.DoesNotContain("assistance_", await response.Content.ReadAsStringAsync());
        }
    }

    private static Task<HttpResponseMessage> CallWithKey(HttpClient client, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/states");
        request.Headers.Add("X-Api-Key", key);
        return client.SendAsync(request);
    }

    /// <summary>The API on a real socket, outside Development, with HTTPS redirection on as in the compose stack.</summary>
    private static ApiFactory StartApiOnKestrel(int apiPermitsPerMinute = 100000, Action<ApiFactory>? configure = null)
    {
        var api = new ApiFactory();
        configure?.Invoke(api);
        api.Settings["Security:HttpsRedirection"] = "true";
        api.Settings["HTTPS_PORT"] = "443";
        // By default out of the way of the proxy's limit, which is under test.
        api.Settings["RateLimiting:PermitsPerMinute"] = apiPermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture);
        api.UseKestrel(0);
        api.StartServer();
        return api;
    }

    private static int ApiPort(ApiFactory api) =>
        new Uri(api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;

    private static HttpClient HttpsClient(NginxProxy proxy, string? apiKey = DemoKeys.Fra)
    {
        // The certificate is self-signed, made by make-dev-cert.sh for localhost; the test trusts it for this client only.
        var handler = new HttpClientHandler { AllowAutoRedirect = false, ServerCertificateCustomValidationCallback = (_, _, _, _) => true };
        var client = new HttpClient(handler) { BaseAddress = new Uri($"https://localhost:{proxy.HttpsPort}") };
        if (apiKey is not null) client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }
}

internal static class ProxyResponses
{
    /// <summary>A problem+json body, from the proxy or the API, without the API's traceId.</summary>
    public static async Task<System.Text.Json.Nodes.JsonObject> ExpectProblemLikeAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal((int)response.StatusCode, problem["status"]!.GetValue<int>());
        return problem;
    }
}
#endif
