using System.Text.Json;

namespace AssistanceApi.Http;

/// <summary>
/// Before an endpoint builds anything from a body, one pass over its tokens checks that it is of a size a body of
/// this API can have: no list longer than <see cref="MaxItems"/> (the longest list any body takes) and at most
/// <see cref="MaxValues"/> values in all (a complete request has under 2,000). A body past either is a 400 at the
/// cost of reading it once, never of building 200,000 objects or a merge-patch tree of 60,000 fields. Bodies of
/// unauthenticated calls are not read: they get their 401 first. Malformed JSON is left to the endpoint to name.
/// </summary>
public sealed class JsonBudget(RequestDelegate next)
{
    public const int MaxItems = 100;
    public const int MaxValues = 10_000;

    public async Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        if (http.User.Identity?.IsAuthenticated != true || StreamedBody.On(http)
            || !(HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method)))
        {
            await next(http);
            return;
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, http.RequestAborted);
        var body = buffer.ToArray();
        if (Overrun(body) is { } error)
        {
            await ProblemWriter.WriteAsync(http, new Problem
            {
                Title = "Bad Request", Status = 400, Type = Problems.TypeFor("invalid-input"),
                Detail = "The body is larger in structure than any body this API takes; nothing was read from it.",
                Errors = [error],
            });
            return;
        }
        request.Body = new MemoryStream(body, writable: false);
        await next(http);
    }

    /// <summary>The first list too long, or the point where the body holds too many values; null when within both.</summary>
    public static ProblemError? Overrun(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = JsonDefaults.MaxDepth + 1 });
        var frames = new Stack<Frame>();
        var values = 0;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    frames.Peek().Property = reader.GetString();
                    continue;
                }
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
        catch (JsonException)
        {
            // Not JSON, or too deep: the endpoint's reader says so by name.
        }
        return null;
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
