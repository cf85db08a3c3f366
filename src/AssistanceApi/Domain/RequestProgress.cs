namespace AssistanceApi.Domain;

/// <summary>What the lifecycle adds to a request after submission; stored as one JSON document.</summary>
public sealed class RequestProgress
{
    public string? RequestedReference { get; set; }
    public ConfidentialityAnswer? Confidentiality { get; set; }
    public List<InformationRequest> InformationRequests { get; set; } = [];
    public Consultation? Consultation { get; set; }
    public List<string>? Conditions { get; set; }
    public Refusal? Refusal { get; set; }
    public Postponement? Postponement { get; set; }
    public Outcome? Outcome { get; set; }
    public Withdrawal? Withdrawal { get; set; }
    public ReleaseNote? Release { get; set; }

    /// <summary>A copy with <paramref name="change"/> applied: the aggregate never changes the progress it was loaded with.</summary>
    public RequestProgress With(Action<RequestProgress> change)
    {
        var next = (RequestProgress)MemberwiseClone();
        next.InformationRequests = [.. InformationRequests];
        change(next);
        return next;
    }
}

/// <summary>The requested State's answer to a request for confidentiality (Art. 40(20)).</summary>
public enum ConfidentialityAnswer { CanComply, CannotComply }

/// <summary>Questions of the requested State (Art. 40(16)) and the answers; <see cref="ReturnTo"/> is where the request resumes.</summary>
public sealed class InformationRequest
{
    public required List<string> Questions { get; init; }
    public required DateTimeOffset AskedAt { get; init; }
    public required RequestStatus ReturnTo { get; init; }
    public List<string>? Answers { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
}

public enum ConsultationIntent { Refuse, Postpone }

public enum ConsultationAnswer { Accepted, Declined }

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

public enum ExecutionOutcome { Executed, PartiallyExecuted }

public sealed class Outcome
{
    public required ExecutionOutcome Result { get; init; }
    public required string Summary { get; init; }
    public string? UnexecutedReasons { get; init; }
    public required DateTimeOffset CompletedAt { get; init; }

    /// <summary>
    /// The evidence documents the completion returned, and the hash of their list; null when it named none — and then
    /// not written, so the stored progress of a completion without evidence keeps the bytes it had before documents existed.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Documents.EvidenceManifest? Evidence { get; init; }
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
