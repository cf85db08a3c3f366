using AssistanceApi.Domain;

namespace AssistanceApi.Features.Requests;

// The progress of a request as the response shows it. Alike to the domain's progress today, but types of the wire's
// own: the aggregate's may change without changing the API, and the contract's schemas keep their names.

/// <summary>Questions of the requested State (Art. 40(16)) and the answers; <see cref="ReturnTo"/> is where the request resumes.</summary>
public sealed class InformationRequest
{
    public required List<string> Questions { get; init; }
    public required DateTimeOffset AskedAt { get; init; }
    public required RequestStatus ReturnTo { get; init; }
    public List<string>? Answers { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
}

/// <summary>Consultation before refusal or postponement (Art. 40(27)).</summary>
public sealed class Consultation
{
    public required ConsultationIntent Intent { get; init; }
    public required List<string> ProposedConditions { get; init; }
    public string? Reasons { get; init; }
    public required DateTimeOffset OpenedAt { get; init; }
    public ConsultationAnswer? Answer { get; set; }
    public string? Comment { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
}

public sealed class RefusalGround
{
    public required string Ground { get; init; }
    public required string Provision { get; init; }
}

public sealed class Refusal
{
    public required List<RefusalGround> Grounds { get; init; }
    public required string Reasons { get; init; }
    public required DateTimeOffset RefusedAt { get; init; }
}

public sealed class Postponement
{
    public required string Reasons { get; init; }
    public DateOnly? Until { get; init; }
    public required DateTimeOffset PostponedAt { get; init; }
}

public sealed class Outcome
{
    public required ExecutionOutcome Result { get; init; }
    public required string Summary { get; init; }
    public string? UnexecutedReasons { get; init; }
    public required DateTimeOffset CompletedAt { get; init; }

    /// <summary>The evidence manifest: the documents returned (id, name, size, SHA-256, media type) and the SHA-256 of its canonical JSON.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Domain.Documents.EvidenceManifest? Evidence { get; init; }
}

public sealed class Withdrawal
{
    public required string Reason { get; init; }
    public required DateTimeOffset WithdrawnAt { get; init; }
}

public sealed class ReleaseNote
{
    public required string Reason { get; init; }
    public required string ByState { get; init; }
    public required DateTimeOffset ReleasedAt { get; init; }
}
