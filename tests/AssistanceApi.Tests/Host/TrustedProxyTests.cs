using System.Net;
using AssistanceApi.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace AssistanceApi.Tests.Host;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto count only from a trusted proxy (Proxy:KnownProxies, Proxy:KnownNetworks).
/// Each request is sent from a chosen peer address, as a TCP connection would arrive at Kestrel.
/// </summary>
public sealed class TrustedProxyTests
{
    private static readonly IPAddress Proxy = IPAddress.Parse("172.30.89.10");

    private static async Task<HttpContext> SendAsync(ApiFactory api, IPAddress from, string path, string? forwardedFor = null,
        string? forwardedProto = null, string? apiKey = DemoKeys.Fra)
    {
        return await api.Server.SendAsync(http =>
        {
            http.Connection.RemoteIpAddress = from;
            http.Connection.RemotePort = 40000;
            http.Request.Method = HttpMethods.Get;
            http.Request.Scheme = "http";
            http.Request.Host = new HostString("api.example.org");
            http.Request.Path = path;
            if (apiKey is not null) http.Request.Headers["X-Api-Key"] = apiKey;
            if (forwardedFor is not null) http.Request.Headers["X-Forwarded-For"] = forwardedFor;
            if (forwardedProto is not null) http.Request.Headers["X-Forwarded-Proto"] = forwardedProto;
        });
    }

    private static ApiFactory WithHttpsRedirection(string? knownProxies = null, string? knownNetworks = null)
    {
        var api = new ApiFactory();
        api.Settings["Security:HttpsRedirection"] = "true";
        api.Settings["HTTPS_PORT"] = "443";
        if (knownProxies is not null) api.Settings["Proxy:KnownProxies"] = knownProxies;
        if (knownNetworks is not null) api.Settings["Proxy:KnownNetworks"] = knownNetworks;
        return api;
    }

    [Fact]
    public async Task Without_a_trusted_proxy_a_clients_X_Forwarded_Proto_is_ignored_and_http_is_still_redirected()
    {
        await using var api = WithHttpsRedirection();

        var response = await SendAsync(api, Proxy, "/api/v1/states/FRA", forwardedFor: "198.51.100.1", forwardedProto: "https");

        Assert.Equal(StatusCodes.Status307TemporaryRedirect, response.Response.StatusCode);
        Assert.Equal("https://api.example.org/api/v1/states/FRA", response.Response.Headers.Location.ToString());
    }

    [Theory]
    [InlineData("172.30.89.10", null)]
    [InlineData(null, "172.30.89.0/24")]
    public async Task Behind_the_trusted_proxy_that_terminated_TLS_the_request_is_served_with_HSTS_not_redirected_in_a_loop(string? proxies, string? networks)
    {
        await using var api = WithHttpsRedirection(proxies, networks);

        var response = await SendAsync(api, Proxy, "/api/v1/states/FRA", forwardedFor: "198.51.100.1", forwardedProto: "https");

        Assert.Equal(StatusCodes.Status200OK, response.Response.StatusCode);
        Assert.StartsWith("max-age=31536000", response.Response.Headers.StrictTransportSecurity.ToString());
        Assert.Equal(IPAddress.Parse("198.51.100.1"), response.Connection.RemoteIpAddress);
    }

    [Fact]
    public async Task A_trusted_proxy_that_forwarded_plain_http_is_still_redirected_to_https()
    {
        await using var api = WithHttpsRedirection(knownProxies: "172.30.89.10");

        var response = await SendAsync(api, Proxy, "/api/v1/states/FRA", forwardedFor: "198.51.100.1", forwardedProto: "http");

        Assert.Equal(StatusCodes.Status307TemporaryRedirect, response.Response.StatusCode);
    }

    [Fact]
    public async Task A_direct_client_cannot_escape_its_address_rate_limit_by_inventing_X_Forwarded_For()
    {
        await using var api = new ApiFactory();
        api.Settings["RateLimiting:PermitsPerMinute"] = "1";
        var client = IPAddress.Parse("203.0.113.9");

        // Unauthenticated calls are limited per address: a fresh X-Forwarded-For on each must not make a fresh partition.
        var first = await SendAsync(api, client, "/api/v1/states", forwardedFor: "198.51.100.1", apiKey: null);
        var second = await SendAsync(api, client, "/api/v1/states", forwardedFor: "198.51.100.2", apiKey: null);

        Assert.Equal(StatusCodes.Status401Unauthorized, first.Response.StatusCode);
        Assert.Equal(StatusCodes.Status429TooManyRequests, second.Response.StatusCode);
        Assert.Equal(client, second.Connection.RemoteIpAddress);
    }

    [Fact]
    public async Task Behind_the_trusted_proxy_each_real_client_has_its_own_address_rate_limit()
    {
        await using var api = new ApiFactory();
        api.Settings["RateLimiting:PermitsPerMinute"] = "1";
        api.Settings["Proxy:KnownNetworks"] = "172.30.89.0/24";

        var first = await SendAsync(api, Proxy, "/api/v1/states", forwardedFor: "198.51.100.1", apiKey: null);
        var other = await SendAsync(api, Proxy, "/api/v1/states", forwardedFor: "198.51.100.2", apiKey: null);
        var again = await SendAsync(api, Proxy, "/api/v1/states", forwardedFor: "198.51.100.1", apiKey: null);

        Assert.Equal(StatusCodes.Status401Unauthorized, first.Response.StatusCode);
        Assert.Equal(StatusCodes.Status401Unauthorized, other.Response.StatusCode);
        Assert.Equal(StatusCodes.Status429TooManyRequests, again.Response.StatusCode);
    }

    [Theory]
    [InlineData("Proxy:KnownProxies", "nginx")]
    [InlineData("Proxy:KnownNetworks", "172.30.89.0/99")]
    public void A_proxy_setting_that_is_not_an_address_stops_the_start_with_its_name(string key, string value)
    {
        using var api = new ApiFactory();
        api.Settings[key] = value;

        var error = Record.Exception(() => api.Server);

        Assert.NotNull(error);
        Assert.Contains($"{key}: '{value}'", error.ToString());
    }
}
