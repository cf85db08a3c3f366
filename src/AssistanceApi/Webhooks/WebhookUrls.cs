using System.Net;

namespace AssistanceApi.Webhooks;

/// <summary>What a webhook URL must be when it is registered; the address it resolves to is checked again at each connection.</summary>
public static class WebhookUrls
{
    /// <summary>Why <paramref name="text"/> is not an acceptable webhook URL, or null.</summary>
    public static string? Refusal(string? text, WebhookOptions options)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            return "must be an absolute http(s) URL";
        // "exa\u200Bmple.org" would be shown with a character no one sees and delivered to example.org: a host is read as written.
        if (!System.Text.Ascii.IsValid(url.Host)) return "must write its host in ASCII (an internationalised name in its xn-- form)";
        if (url.UserInfo.Length > 0) return "must not carry credentials";
        if (url.Fragment.Length > 0) return "must not have a fragment";
        var allowed = options.AnyAddress || options.IsAllowedHost(url.IdnHost);
        if (url.Scheme != Uri.UriSchemeHttps && !allowed) return "must be https";
        if (!allowed && IPAddress.TryParse(url.IdnHost, out var address) && AddressPolicy.Refusal(address) is { } reason)
            return $"must not point at a {reason} address";
        if (!allowed && url.IdnHost.Equals("localhost", StringComparison.OrdinalIgnoreCase)) return "must not point at a loopback address";
        return null;
    }
}
