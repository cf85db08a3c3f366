using System.Text.Json;
using FastEndpoints;

namespace AssistanceApi.Http;

/// <summary>
/// Before an endpoint builds anything from a body, one pass over its tokens checks that it is of a size a body of
/// this API can have: no list longer than <see cref="MaxItems"/> (the longest list any body takes) and at most
/// <see cref="MaxValues"/> values in all (a complete request has under 2,000). A body past either is a 400 at the
/// cost of reading it once, never of building 200,000 objects or a merge-patch tree of 60,000 fields. Bodies of
/// unauthenticated calls are not read: they get their 401 first. A body that is not one JSON object (invalid text, a
/// trailing comma, a bare null or list) is refused here too, on every endpoint, also on those that read no field of it:
/// a client that sent one meant something the API would otherwise ignore.
/// </summary>
public sealed class JsonBudget(RequestDelegate next)
{
    public const int MaxItems = 100;
    public const int MaxValues = 10_000;

    public async Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        // No endpoint (a path or method no route takes): its 404 or 405 comes first, whatever the body.
        var endpoint = http.GetEndpoint()?.Metadata.GetMetadata<EndpointDefinition>();
        if (http.User.Identity?.IsAuthenticated != true || StreamedBody.On(http) || endpoint is null
            || !(HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method)))
        {
            await next(http);
            return;
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, http.RequestAborted);
        var body = buffer.ToArray();
        // A UTF-8 byte order mark may be ignored (RFC 8259 8.1), and the framework's reader does; so does this one.
        if (body.AsSpan().StartsWith(Bom)) body = body[Bom.Length..];
        // A body of unknown length that turned out empty (or held only the mark) is no body, as BodyRules reads a
        // missing one: {}. A PATCH's stays refused.
        if (body.Length == 0 && !HttpMethods.IsPatch(request.Method)) body = "{}"u8.ToArray();
        if ((Overrun(body) ?? FieldOfNoBody(body, endpoint)) is { } error)
        {
            await ProblemWriter.WriteAsync(http, new Problem
            {
                Title = "Bad Request", Status = 400, Type = Problems.TypeFor("invalid-input"),
                Detail = error.Code switch
                {
                    JsonFieldErrors.InvalidJson => "The body is not a JSON object; nothing was read from it.",
                    JsonFieldErrors.UnknownField => "This call takes no body; nothing was done.",
                    _ => "The body is larger in structure than any body this API takes; nothing was read from it.",
                },
                Errors = [error],
            });
            return;
        }
        request.Body = new MemoryStream(body, writable: false);
        await next(http);
    }

    private static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    private static readonly ProblemError NotAnObject = new("body", "must be a JSON object, { … }.", JsonFieldErrors.InvalidJson);

    /// <summary>
    /// A call that takes no body (submit, start-execution, a webhook's test…) reads none, so a field sent to it would be
    /// dropped unseen: the first one is named, as an unknown field of a body that has fields is.
    /// </summary>
    private static ProblemError? FieldOfNoBody(ReadOnlySpan<byte> body, EndpointDefinition endpoint)
    {
        if (endpoint.ReqDtoType != typeof(EmptyRequest) || endpoint.Verbs.Contains("PATCH")) return null;
        var reader = new Utf8JsonReader(body);
        if (!reader.Read() || !reader.Read() || reader.TokenType != JsonTokenType.PropertyName) return null;
        var name = reader.ValueIsEscaped ? "…" : System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
        return new ProblemError(ValidationProblems.Cut(name), $"{Problems.Quote(name)} is not a field here: this call takes no body.", JsonFieldErrors.UnknownField);
    }

    /// <summary>
    /// The first list too long, the point where the body holds too many values, or why it is not a JSON object; null when
    /// it is one within both bounds. A repeated field and a string that is not valid text are left to the endpoint to name.
    /// </summary>
    public static ProblemError? Overrun(ReadOnlySpan<byte> body)
    {
        // The reader takes a string's bytes as they come; a JSON text is UTF-8 (RFC 8259 8.1).
        if (!System.Text.Unicode.Utf8.IsValid(body)) return new ProblemError("body", "not valid UTF-8 text.", JsonFieldErrors.InvalidJson);
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = JsonDefaults.MaxDepth + 1 });
        var frames = new Stack<Frame>();
        var values = 0;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    // The raw name is enough for a path; decoding it would throw on an unpaired surrogate.
                    frames.Peek().Property = reader.ValueIsEscaped ? "…" : System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
                    continue;
                }
                if (frames.Count == 0 && reader.TokenType != JsonTokenType.StartObject)
                    return NotAnObject;
                if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    frames.Pop();
                    continue;
                }
                if (frames.TryPeek(out var parent) && parent.IsArray && ++parent.Items > MaxItems)
                    return new ProblemError(ValidationProblems.Cut(PathOf(frames)), $"a list of this API holds at most {MaxItems} items.", "too-many");
                if (++values > MaxValues)
                    return new ProblemError("body", $"a body of this API holds at most {MaxValues} values.", "too-many-values");
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    frames.Push(new Frame { IsArray = reader.TokenType == JsonTokenType.StartArray });
            }
        }
        catch (JsonException e)
        {
            return new ProblemError("body",
                $"not valid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1} (or nested deeper than {JsonDefaults.MaxDepth}).", JsonFieldErrors.InvalidJson);
        }
        return values == 0 ? NotAnObject : null;
    }

    /// <summary>The path of the list on top of the stack: each object by its current field, each list by its current item.</summary>
    private static string PathOf(Stack<Frame> frames)
    {
        var outer = frames.Reverse().SkipLast(1);
        var path = new System.Text.StringBuilder();
        foreach (var frame in outer)
        {
            if (frame.IsArray) path.Append('[').Append(frame.Items - 1).Append(']');
            else path.Append(path.Length == 0 ? "" : ".").Append(frame.Property);
        }
        return path.Length == 0 ? "body" : path.ToString();
    }

    private sealed class Frame
    {
        public bool IsArray { get; init; }
        public int Items { get; set; }
        public string? Property { get; set; }
    }
}
