using System.Text.Json.Serialization;

namespace AssistanceApi.Http;

/// <summary>The RFC 9457 body every 4xx and 5xx carries.</summary>
public sealed class Problem
{
    public string Type { get; init; } = "about:blank";
    public required string Title { get; init; }
    public required int Status { get; init; }
    public string? Detail { get; init; }
    public string? Instance { get; set; }
    public string? TraceId { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ProblemError>? Errors { get; init; }

    /// <summary>How many errors were found beyond the 50 listed (ValidationProblems.MaxErrors); absent when none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? ErrorsOmitted { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? AllowedActions { get; init; }
}

public sealed record ProblemError(string Name, string Reason, string Code);

/// <summary>Thrown by handlers to end a request with a problem; the transaction rolls back.</summary>
public sealed class ApiProblemException(Problem problem) : Exception(problem.Detail ?? problem.Title)
{
    public Problem Problem { get; } = problem;
}

public static class Problems
{
    /// <summary>
    /// A value the client sent, as a problem's text repeats it: quoted as a JSON string (so U+202E or a control character
    /// shows as its escape, never as itself) and cut after 60 characters.
    /// </summary>
    public static string Quote(string text) =>
        System.Text.Json.JsonSerializer.Serialize(text.Length <= MaxQuoted ? text : text[..CutAt(text, MaxQuoted)] + "…", JsonDefaults.Options);

    /// <summary>Never between the two halves of a surrogate pair: half of one would be written as U+FFFD, not as what was sent.</summary>
    internal static int CutAt(string text, int length) => char.IsHighSurrogate(text[length - 1]) ? length - 1 : length;

    private const int MaxQuoted = 60;

    public static ApiProblemException NotFound(string detail) =>
        new(new Problem { Title = "Not Found", Status = 404, Detail = detail, Type = TypeFor("not-found") });

    public static ApiProblemException BadRequest(string detail, params IReadOnlyList<ProblemError> errors) =>
        new(new Problem
        {
            Title = "Bad Request", Status = 400, Detail = detail, Type = TypeFor("invalid-input"),
            Errors = ValidationProblems.Capped(errors), ErrorsOmitted = ValidationProblems.Omitted(errors.Count),
        });

    public static ApiProblemException Unprocessable(string code, string detail, IReadOnlyList<ProblemError>? errors = null) =>
        new(new Problem { Title = "Unprocessable Content", Status = 422, Detail = detail, Errors = errors, Type = TypeFor(code) });

    public static ApiProblemException Conflict(string code, string detail, IReadOnlyList<string> allowedActions) =>
        new(new Problem { Title = "Conflict", Status = 409, Detail = detail, AllowedActions = allowedActions, Type = TypeFor(code) });

    public static ApiProblemException PreconditionFailed(string detail) =>
        new(new Problem { Title = "Precondition Failed", Status = 412, Detail = detail, Type = TypeFor("stale-version") });

    public static ApiProblemException Forbidden(string detail) =>
        new(new Problem { Title = "Forbidden", Status = 403, Detail = detail, Type = TypeFor("forbidden") });

    /// <summary>A 403 that says why: the code names the rule, the error names the field it is about.</summary>
    public static ApiProblemException Forbidden(string code, string name, string detail) =>
        new(new Problem { Title = "Forbidden", Status = 403, Detail = detail, Errors = [new ProblemError(name, detail, code)], Type = TypeFor(code) });

    /// <summary>A 422 citing the provision a body breaks, with the field and the catalogue's citation.</summary>
    public static ApiProblemException TreatyBreach(Treaty.ProvisionCatalogue catalogue, string provisionId, string name, string message, string detail) =>
        Unprocessable(provisionId, detail, [Breach(catalogue, provisionId, name, message)]);

    public static ProblemError Breach(Treaty.ProvisionCatalogue catalogue, string provisionId, string name, string message) =>
        new(name, catalogue.Reason(provisionId, message), provisionId);

    public static string TypeFor(string code) => $"/problems/{code}";
}
