using System.Text.Json.Serialization;
using AssistanceApi.Auth;
using AssistanceApi.Domain;
using AssistanceApi.Http;
using AssistanceApi.Persistence.Documents;
using AssistanceApi.Treaty;

namespace AssistanceApi.Features.Requests;

/// <summary>A request as its two States see it: the content plus what the server keeps about it.</summary>
public sealed class RequestResource : RequestContent
{
    [JsonPropertyOrder(-10)] public Guid Id { get; set; }
    [JsonPropertyOrder(-9)] public string? Reference { get; set; }
    [JsonPropertyOrder(-8)] public string RequestingState { get; set; } = "";
    [JsonPropertyOrder(-7)] public RequestStatus Status { get; set; }
    [JsonPropertyOrder(-6)] public long Version { get; set; }
    [JsonPropertyOrder(-5)] public IReadOnlyList<string> AllowedActions { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? AcknowledgeBy { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    public DateTimeOffset? PreservedUntil { get; set; }
    public string? RequestedReference { get; set; }
    public ConfidentialityAnswer? Confidentiality { get; set; }
    public IReadOnlyList<InformationRequest> InformationRequests { get; set; } = [];
    public Consultation? Consultation { get; set; }
    public IReadOnlyList<string>? Conditions { get; set; }
    public Refusal? Refusal { get; set; }
    public Postponement? Postponement { get; set; }
    public Outcome? Outcome { get; set; }
    public Withdrawal? Withdrawal { get; set; }
    public ReleaseNote? Release { get; set; }

    public static RequestResource From(RequestRecord row, Caller caller, DateTimeOffset now, TreatyOptions options)
    {
        var progress = row.ProgressValue;
        // The stored document, read once, through the domain into the content fields the resource extends.
        var resource = new RequestResource();
        RequestContentMapping.Fill(resource, StoredContent.Read(row.Content));
        resource.Id = row.Id;
        resource.Reference = row.Reference;
        resource.RequestingState = row.RequestingState;
        resource.Status = row.StatusValue;
        resource.Version = row.Version;
        resource.AllowedActions = Lifecycle.Allowed(row.KindValue, row.StatusValue, row.SideOf(caller), new GuardContext(progress, now, options));
        resource.CreatedAt = row.CreatedAt;
        resource.UpdatedAt = row.UpdatedAt;
        resource.SubmittedAt = row.SubmittedAt;
        resource.AcknowledgeBy = row.AcknowledgeBy;
        resource.AcknowledgedAt = row.AcknowledgedAt;
        resource.ClosedAt = row.ClosedAt;
        resource.DueAt = row.DueAt;
        resource.PreservedUntil = row.PreservedUntil;
        resource.RequestedReference = progress.RequestedReference;
        resource.Confidentiality = progress.Confidentiality;
        resource.InformationRequests = progress.InformationRequests.Count == 0 ? [] : progress.InformationRequests.Select(ProgressMapping.Shown).ToList();
        resource.Consultation = progress.Consultation is { } c ? ProgressMapping.Shown(c) : null;
        resource.Conditions = progress.Conditions;
        resource.Refusal = progress.Refusal is { } r ? ProgressMapping.Shown(r) : null;
        resource.Postponement = progress.Postponement is { } p ? ProgressMapping.Shown(p) : null;
        resource.Outcome = progress.Outcome is { } o ? ProgressMapping.Shown(o) : null;
        resource.Withdrawal = progress.Withdrawal is { } w ? ProgressMapping.Shown(w) : null;
        resource.Release = progress.Release is { } n ? ProgressMapping.Shown(n) : null;
        return resource;
    }
}
