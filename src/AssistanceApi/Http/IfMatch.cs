using System.Globalization;

namespace AssistanceApi.Http;

/// <summary>Reads If-Match and writes ETag; the entity tag of a request is its version, of a directory entry a hash of it.</summary>
public static class IfMatch
{
    /// <summary>The version a request's If-Match names; null when absent or "*" (any version).</summary>
    public static long? ExpectedVersion(HttpContext http)
    {
        var tag = ExpectedTag(http);
        // Compared character by character, as a strong tag is: "03" is not the "3" this API sent, whatever it counts.
        return tag is null ? null
            : long.TryParse(tag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && tag == version.ToString(CultureInfo.InvariantCulture)
                ? version
                : throw NotIssued("the request");
    }

    /// <summary>The opaque entity tag If-Match names, without its quotes; null when absent or "*" (any).</summary>
    public static string? ExpectedTag(HttpContext http)
    {
        var values = http.Request.Headers.IfMatch;
        if (values.Count == 0) return null;
        var header = values.ToString().Trim();
        if (header == "*") return null;
        // An If-Match sent empty names no tag at all: refused, not read as no precondition (a client whose stored ETag
        // was empty would overwrite unchecked).
        if (header.Length == 0) throw NotIssued("the resource");
        // If-Match compares strongly (RFC 9110 13.1.1): a weak tag never matches.
        if (header.StartsWith("W/", StringComparison.Ordinal))
            throw Problems.PreconditionFailed("If-Match needs the strong entity tag this API sent, e.g. \"3\".");
        // An entity tag is quoted (RFC 9110 8.8.3): a bare 3 is not one, and is refused as "abc" is.
        var quoted = header.Length > 2 && header[0] == '"' && header[^1] == '"' && header.AsSpan(1, header.Length - 2).IndexOf('"') < 0;
        return quoted ? header[1..^1] : throw NotIssued("the resource");
    }

    public static void SetETag(HttpContext http, long version) => http.Response.Headers.ETag = $"\"{version}\"";

    public static void SetETag(HttpContext http, string tag) => http.Response.Headers.ETag = $"\"{tag}\"";

    private static ApiProblemException NotIssued(string what) =>
        Problems.BadRequest($"If-Match must be the ETag of {what}, e.g. \"3\".",
            new ProblemError("If-Match", "not an entity tag this API issued", "invalid-if-match"));
}
