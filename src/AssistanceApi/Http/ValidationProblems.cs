using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FastEndpoints;
using FluentValidation.Results;

namespace AssistanceApi.Http;

/// <summary>Shapes FastEndpoints' binding and validation failures as the contract's problem+json.</summary>
public static class ValidationProblems
{
    /// <summary>A problem lists this many errors at most, and counts the rest in errorsOmitted: the answer to a hostile body stays small.</summary>
    public const int MaxErrors = 50;

    /// <summary>A field name longer than this is cut: an unknown key may be a megabyte long.</summary>
    public const int MaxTextLength = 300;

    /// <summary>
    /// A reason longer than this is cut. It holds the longest closed list the server names in full (the event types, about
    /// 680 characters) with the value that arrived, which a reason quotes cut to 60 (<see cref="Problems.Quote"/>).
    /// </summary>
    public const int MaxReasonLength = 1000;

    public static Problem Build(IEnumerable<ValidationFailure> failures, int status)
    {
        var all = failures as IReadOnlyCollection<ValidationFailure> ?? failures.ToList();
        return new Problem
        {
            Title = status == 422 ? "Unprocessable Content" : "Bad Request",
            Status = status,
            Detail = "The request has fields that are missing or not well-formed; see errors.",
            Type = Problems.TypeFor("invalid-input"),
            Errors = all.Take(MaxErrors).Select(f => Error(f.CustomState == WireNamed ? f.PropertyName : JsonPath(f.PropertyName), f.ErrorMessage, Code(f.ErrorCode))).ToList(),
            ErrorsOmitted = Omitted(all.Count),
        };
    }

    public static IReadOnlyList<ProblemError> Capped(IReadOnlyList<ProblemError> errors) =>
        errors.Take(MaxErrors).Select(e => Error(e.Name, e.Reason, e.Code)).ToList();

    public static int? Omitted(int count) => count > MaxErrors ? count - MaxErrors : null;

    private static ProblemError Error(string name, string reason, string code) => new(Cut(name), CutReason(reason), Cut(code));

    public static string Cut(string text) => text.Length <= MaxTextLength ? text : text[..Problems.CutAt(text, MaxTextLength)] + "…";

    public static string CutReason(string text) => text.Length <= MaxReasonLength ? text : text[..Problems.CutAt(text, MaxReasonLength)] + "…";

    /// <summary>Never passes STJ's message on: it names CLR types. The path is enough to fix the body.</summary>
    public static ValidationFailure FromJsonException(JsonException e)
    {
        var path = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$').TrimStart('.');
        var reason = e.Path is null || e.Path == "$"
            ? "The body is not valid JSON, or not a JSON object of the expected shape."
            : "This value is not valid JSON of the expected type, is not one of the allowed values, or is not a known field.";
        // The exception rides along so the response, which knows the body and the type it binds to, can say more (Described).
        return new ValidationFailure(path, reason) { ErrorCode = JsonFieldErrors.InvalidJson, CustomState = e };
    }

    /// <summary>
    /// Each binding failure of <see cref="FromJsonException"/> told by field, expectation and arrival (<see cref="JsonFieldErrors"/>)
    /// where the endpoint's body type and the buffered body allow it; the rest unchanged.
    /// </summary>
    public static IEnumerable<ValidationFailure> Described(IEnumerable<ValidationFailure> failures, HttpContext http)
    {
        var bodyType = http.GetEndpoint()?.Metadata.GetMetadata<EndpointDefinition>()?.ReqDtoType;
        JsonNode? body = null;
        var bodyRead = false;
        var invalid = false;
        foreach (var failure in failures)
        {
            if (failure.CustomState is not JsonException exception || bodyType is null)
            {
                yield return failure;
                continue;
            }
            if (!bodyRead)
            {
                (body, invalid) = ReadBody(http);
                bodyRead = true;
            }
            if (invalid)
            {
                // The text itself is at fault (a repeated field, an unpaired surrogate, too deep): no field took a wrong value.
                yield return new ValidationFailure("body", "not valid JSON: invalid text, a field given twice, or nesting deeper than " +
                                                           $"{JsonDefaults.MaxDepth}.") { ErrorCode = JsonFieldErrors.InvalidJson, CustomState = WireNamed };
                yield break;
            }
            yield return JsonFieldErrors.Describe(exception, bodyType, body) is { } error
                ? new ValidationFailure(error.Name, error.Reason) { ErrorCode = error.Code, CustomState = WireNamed }
                : failure;
        }
    }

    /// <summary>Marks a failure whose name is already the wire's path (a client's own key may start with a capital).</summary>
    private static readonly object WireNamed = new();

    /// <summary>
    /// The body again, when a middleware left it buffered (JsonBudget does for every authenticated write); Invalid when the
    /// buffered text is not JSON this API reads, null Node without Invalid when there is no buffer to read.
    /// </summary>
    private static (JsonNode? Node, bool Invalid) ReadBody(HttpContext http)
    {
        var stream = http.Request.Body;
        if (!stream.CanSeek) return (null, false);
        try
        {
            stream.Position = 0;
            var node = JsonNode.Parse(stream, documentOptions: new JsonDocumentOptions { MaxDepth = JsonDefaults.MaxDepth, AllowDuplicateProperties = false });
            // Every string decoded once: an unpaired surrogate is the text's fault, not the field's.
            _ = node?.ToJsonString();
            return (node, false);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            return (null, true);
        }
    }

    public static string JsonPath(string propertyName)
    {
        if (string.IsNullOrEmpty(propertyName)) return "body";
        var parts = propertyName.Split('.');
        return string.Join('.', parts.Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));
    }

    private static string Code(string? errorCode)
    {
        if (string.IsNullOrEmpty(errorCode)) return "invalid-value";
        if (!errorCode.EndsWith("Validator", StringComparison.Ordinal)) return errorCode;
        var name = errorCode[..^"Validator".Length];
        var kebab = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && kebab.Length > 0) kebab.Append('-');
            kebab.Append(char.ToLowerInvariant(c));
        }
        return kebab.ToString();
    }
}
