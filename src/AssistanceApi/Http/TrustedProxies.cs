using System.Net;
using ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders;

namespace AssistanceApi.Http;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto are believed only from loopback and the proxies named in
/// Proxy:KnownProxies (addresses) and Proxy:KnownNetworks (CIDR ranges), comma-separated. A client that reaches
/// the API directly can neither pick the address its rate limit and logs are keyed on nor claim https.
/// </summary>
public static class TrustedProxies
{
    public static ForwardedHeadersOptions Options(IConfiguration config)
    {
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        foreach (var proxy in Values(config, "Proxy:KnownProxies"))
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address) ? address : throw Invalid("Proxy:KnownProxies", proxy, "an IP address"));
        foreach (var network in Values(config, "Proxy:KnownNetworks"))
            options.KnownIPNetworks.Add(IPNetwork.TryParse(network, out var range) ? range : throw Invalid("Proxy:KnownNetworks", network, "a CIDR range such as 172.30.89.0/24"));
        return options;
    }

    private static IEnumerable<string> Values(IConfiguration config, string key) =>
        (config[key] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static InvalidOperationException Invalid(string key, string value, string expected) =>
        new($"{key}: '{value}' is not {expected}.");
}
