using System.Text;
using System.Text.Json;
using FastEndpoints;
using FluentValidation.Results;

namespace AssistanceApi.Http;

/// <summary>Shapes FastEndpoints' binding and validation failures as the contract's problem+json.</summary>
public static class ValidationProblems
{
    /// <summary>A problem lists this many errors at most, and counts the rest in errorsOmitted: the answer to a hostile body stays small.</summary>
    public const int MaxErrors = 50;

    /// <summary>A field name or reason longer than this is cut: an unknown key may be a megabyte long.</summary>
    public const int MaxTextLength = 300;

    public static Problem Build(IEnumerable<ValidationFailure> failures, int status)
    {
        var all = failures as IReadOnlyCollection<ValidationFailure> ?? failures.ToList();
        return new Problem
        {
            Title = status == 422 ? "Unprocessable Content" : "Bad Request",
            Status = status,
            Detail = "The request has fields that are missing or not well-formed; see errors.",
            Type = Problems.TypeFor("invalid-input"),
            Errors = all.Take(MaxErrors).Select(f => Error(JsonPath(f.PropertyName), f.ErrorMessage, Code(f.ErrorCode))).ToList(),
            ErrorsOmitted = Omitted(all.Count),
        };
    }

    public static IReadOnlyList<ProblemError> Capped(IReadOnlyList<ProblemError> errors) =>
        errors.Take(MaxErrors).Select(e => Error(e.Name, e.Reason, e.Code)).ToList();

    public static int? Omitted(int count) => count > MaxErrors ? count - MaxErrors : null;

    private static ProblemError Error(string name, string reason, string code) => new(Cut(name), Cut(reason), Cut(code));

    public static string Cut(string text) => text.Length <= MaxTextLength ? text : text[..MaxTextLength] + "…";

    /// <summary>Never passes STJ's message on: it names CLR types. The path is enough to fix the body.</summary>
    public static ValidationFailure FromJsonException(JsonException e)
    {
        var path = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$').TrimStart('.');
        var reason = e.Path is null || e.Path == "$"
            ? "The body is not valid JSON, or not a JSON object of the expected shape."
            : "This value is not valid JSON of the expected type, is not one of the allowed values, or is not a known field.";
        return new ValidationFailure(path, reason) { ErrorCode = "invalid-json" };
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
