using System.Globalization;

namespace AssistanceApi.Http;

/// <summary>Reads If-Match and writes ETag; the entity tag of a request is its version.</summary>
public static class IfMatch
{
    /// <summary>null when absent or "*" (any version).</summary>
    public static long? ExpectedVersion(HttpContext http)
    {
        var header = http.Request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*") return null;
        // If-Match compares strongly (RFC 9110 13.1.1): a weak tag never matches.
        if (header.StartsWith("W/", StringComparison.Ordinal))
            throw Problems.PreconditionFailed("If-Match needs the strong entity tag this API sent, e.g. \"3\".");
        // An entity tag is quoted (RFC 9110 8.8.3): a bare 3 is not one, and is refused as "abc" is.
        var quoted = header.Length > 2 && header[0] == '"' && header[^1] == '"';
        return quoted && long.TryParse(header.AsSpan(1, header.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw Problems.BadRequest("If-Match must be the ETag of the request, e.g. \"3\".",
                new ProblemError("If-Match", "not an entity tag this API issued", "invalid-if-match"));
    }

    public static void SetETag(HttpContext http, long version) => http.Response.Headers.ETag = $"\"{version}\"";
}
