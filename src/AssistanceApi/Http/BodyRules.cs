using Microsoft.AspNetCore.Http.Features;

namespace AssistanceApi.Http;

/// <summary>
/// Every body this API reads is JSON of bounded size: anything else is refused before an endpoint
/// runs (415, 413). The size is enforced on the stream too, for bodies sent without a length.
/// A change takes no query parameters (400): the endpoints' binder would fill body fields from them, past the
/// JSON rules, the input budget and the Idempotency-Key fingerprint, which read the body only.
/// </summary>
public sealed class BodyRules(RequestDelegate next, IConfiguration config)
{
    private readonly long _maxBytes = config.GetValue("Limits:MaxBodyBytes", 1L << 20);

    /// <summary>What a 415 for a body that is not JSON says, here and where routing refused it first (<see cref="EmptyStatus"/>).</summary>
    public const string JsonOnly = "Send the body as application/json (application/merge-patch+json for PATCH).";

    public Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        // No endpoint of this API at this path for this method: routing's 404 or 405 comes first, whatever was sent.
        if (http.GetEndpoint()?.Metadata.GetMetadata<FastEndpoints.EndpointDefinition>() is null) return next(http);
        // The server says whether a body may follow: an HTTP/2 body sent without Content-Length has no Transfer-Encoding.
        var hasBody = http.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody
                      ?? (request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0));
        if (hasBody && IsCoded(request)) return CodingRefused(http);
        if (StreamedBody.On(http)) return next(http);
        // A GET or DELETE reads its input from the path and query: a body would be bound past the query's rules, or dropped.
        if (!IsChange(request.Method)) return hasBody ? RefuseAnyBodyAsync(http) : next(http);
        if (request.Query.Count > 0) return QueryRefused(http, request.Query.Keys.First());
        if (!hasBody)
        {
            // `curl -X POST …/acknowledge` with nothing to say: an absent body is an empty JSON object, so
            // actions whose fields are all optional need no body, and required fields are reported by name.
            // Not a PATCH: a patch with no body at all is a client's mistake, where {} is a patch that changes nothing.
            if (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method))
            {
                request.ContentType = "application/json";
                request.Body = new MemoryStream("{}"u8.ToArray());
                request.ContentLength = 2;
            }
            return next(http);
        }

        if (MediaTypeRefusal(request.ContentType, out var normalised) is { } refusal)
            return ProblemWriter.WriteAsync(http, new Problem
            {
                Title = "Unsupported Media Type", Status = 415, Type = Problems.TypeFor("unsupported-media-type"), Detail = refusal,
            });
        request.ContentType = normalised;
        if (request.ContentLength > _maxBytes) return TooLarge(http);

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = _maxBytes;
        request.Body = new LimitedStream(request.Body, _maxBytes);
        return next(http);
    }

    /// <summary>
    /// A body with a content coding (gzip, br, …) is refused: nothing here decodes one, so it would be read as JSON (or
    /// kept as a document) in its coded bytes. "identity" codes nothing (RFC 9110 8.4.1).
    /// </summary>
    private static bool IsCoded(HttpRequest request) =>
        request.Headers.ContentEncoding.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Any(coding => !coding.Equals("identity", StringComparison.OrdinalIgnoreCase));

    /// <summary>415 with Accept-Encoding naming the one coding taken (RFC 9110 12.5.3).</summary>
    private static Task CodingRefused(HttpContext http)
    {
        http.Response.Headers.AcceptEncoding = "identity";
        return ProblemWriter.WriteAsync(http, new Problem
        {
            Title = "Unsupported Media Type", Status = 415, Type = Problems.TypeFor("unsupported-media-type"),
            Detail = $"The body has the content coding {Problems.Quote(http.Request.Headers.ContentEncoding.ToString())}, which this API does not decode: send it uncoded, without Content-Encoding.",
        });
    }

    private static bool IsChange(string method) => HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method);

    private static Task QueryRefused(HttpContext http, string name) => ProblemWriter.WriteAsync(http, new Problem
    {
        Title = "Bad Request", Status = 400, Type = Problems.TypeFor("invalid-input"),
        Detail = "A POST, PUT or PATCH takes its input from the JSON body only; nothing was changed.",
        Errors = [new ProblemError(ValidationProblems.Cut(name), "query parameters are not accepted on this method: send the field in the body.", "query-not-accepted")],
    });

    /// <summary>A body of unknown length (chunked, or HTTP/2) that turns out empty is none; one byte of it is refused.</summary>
    private async Task RefuseAnyBodyAsync(HttpContext http)
    {
        if (http.Request.ContentLength is null && await http.Request.Body.ReadAsync(new byte[1], http.RequestAborted) == 0)
        {
            await next(http);
            return;
        }
        await ProblemWriter.WriteAsync(http, new Problem
        {
            Title = "Bad Request", Status = 400, Type = Problems.TypeFor("invalid-input"),
            Detail = $"A {http.Request.Method} takes no body: its input is the path and the query; nothing was done.",
            Errors = [new ProblemError("body", "not accepted on this method.", "body-not-accepted")],
        });
    }

    public static Task TooLarge(HttpContext http) => ProblemWriter.WriteAsync(http, new Problem
    {
        Title = "Content Too Large", Status = 413, Type = Problems.TypeFor("body-too-large"),
        Detail = "The request body is larger than this API accepts.",
    });

    /// <summary>
    /// Why the body's media type is refused, or null (<paramref name="normalised"/> is then the Content-Type to read it
    /// by). It must be JSON: application/json, or application/…+json (a merge patch).
    /// A JSON body is UTF-8 (RFC 8259 8.1): a charset, if named, must say so (US-ASCII text is UTF-8 text too). Anything
    /// else is refused here: the framework's reader would fail on an unknown charset with a 500, or transcode a body
    /// whose bytes the Idempotency-Key fingerprint and the input budget read as UTF-8. A Content-Type that does not parse
    /// at all (an unquoted URL in a parameter) is refused too: the framework would read no body from it, and the client
    /// would be told its fields are missing. A trailing ';' is forgiven.
    /// </summary>
    private static string? MediaTypeRefusal(string? contentType, out string? normalised)
    {
        normalised = contentType?.TrimEnd(' ', ';');
        var mediaType = normalised?.Split(';')[0].Trim().ToLowerInvariant();
        if (!(mediaType is "application/json" || (mediaType is not null && mediaType.StartsWith("application/") && mediaType.EndsWith("+json"))))
            return JsonOnly;
        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(normalised, out var parsed))
            return "The Content-Type does not parse as a media type (RFC 9110 8.3): quote a parameter value that holds '/', ':' or '='.";
        var charset = parsed.Parameters.Where(p => p.Name.Equals("charset", StringComparison.OrdinalIgnoreCase)).ToList();
        if (charset.Count == 0) return null;
        var name = charset.Count == 1 && charset[0].Value.HasValue ? charset[0].Value.Value!.Trim('"') : "";
        if (!(name.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || name.Equals("utf8", StringComparison.OrdinalIgnoreCase)
              || name.Equals("us-ascii", StringComparison.OrdinalIgnoreCase)))
            return "Send the JSON body in UTF-8: charset=utf-8, or no charset at all (RFC 8259 8.1).";
        // Spelt plainly for the framework's reader, which knows neither the quotes RFC 9110 allows nor utf8.
        parsed.Charset = "utf-8";
        normalised = parsed.ToString();
        return null;
    }

    /// <summary>Throws the framework's 413 once more than the limit has been read.</summary>
    private sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) => Count(await inner.ReadAsync(buffer, ct));
        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) => ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

        private int Count(int read)
        {
            _read += read;
            return _read > limit ? throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge) : read;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
