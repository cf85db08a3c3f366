using Microsoft.Net.Http.Headers;

namespace AssistanceApi.Http;

/// <summary>
/// A read of something with an entity tag honours the preconditions in RFC 9110's order (13.2.2): an If-Match that names
/// another tag is a 412, and an If-None-Match that names this one a 304 with no body (a client that polls learns "not
/// changed" without the representation). If-None-Match compares weakly, as RFC 9110 13.1.2 says. A 304 only where the
/// tag changes whenever the representation does: a request's tag is its version, and its answer also changes with time
/// alone (allowedActions as a consultation runs out, a deadline passing), so a request refuses If-None-Match instead.
/// </summary>
public static class ConditionalRead
{
    /// <summary>A failed If-Match is thrown as a 412: the resource is no longer the version the client names.</summary>
    public static void EnsureCurrent(HttpContext http, string tag)
    {
        if (IfMatch.ExpectedTag(http) is { } expected && expected != tag) throw Stale();
    }

    /// <summary>The same for a request, whose If-Match is read as on its changes ("03" or "abc" is no version it issued: 400).</summary>
    public static void EnsureCurrent(HttpContext http, long version)
    {
        if (IfMatch.ExpectedVersion(http) is { } expected && expected != version) throw Stale();
    }

    private static ApiProblemException Stale() =>
        Problems.PreconditionFailed("If-Match names another version than the current one: read it without If-Match to get it and its ETag.");

    /// <summary>If-None-Match where the tag does not cover all the answer shows: refused, so no 304 hides a change.</summary>
    public static void RefuseIfNoneMatch(HttpContext http, string why)
    {
        if (http.Request.Headers.IfNoneMatch.Count > 0)
            throw Problems.BadRequest($"If-None-Match is not read here: {why}",
                new ProblemError("If-None-Match", $"not accepted on this operation: {why}", "precondition-not-accepted"));
    }

    /// <summary>True when the endpoint must send nothing more: the 304 is sent. A failed If-Match is thrown as a 412.</summary>
    public static async Task<bool> NotModifiedAsync(HttpContext http, string tag, CancellationToken ct)
    {
        EnsureCurrent(http, tag);
        if (!NamedByIfNoneMatch(http.Request.Headers.IfNoneMatch, tag)) return false;
        http.Response.StatusCode = StatusCodes.Status304NotModified;
        // Started, so that nothing after the endpoint (which sends 204 for an endpoint that wrote nothing) changes it.
        await http.Response.StartAsync(ct);
        return true;
    }

    private static bool NamedByIfNoneMatch(Microsoft.Extensions.Primitives.StringValues header, string tag)
    {
        if (header.Count == 0) return false;
        if (header.ToString().Trim() == "*") return true;
        // A list that does not parse names nothing: the representation is sent, as without the header.
        return EntityTagHeaderValue.TryParseList(header, out var tags) && tags.Any(t => t.Tag.AsSpan().Trim('"').SequenceEqual(tag));
    }
}
