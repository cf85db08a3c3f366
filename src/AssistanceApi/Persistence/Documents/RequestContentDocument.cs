using System.Text.Json.Serialization;
using AssistanceApi.Domain;

namespace AssistanceApi.Persistence.Documents;

/// <summary>
/// The stored shape of a request's content (the <c>requests.content</c> column). Every name is pinned here, so
/// renaming a field of the wire body or of the domain cannot change documents already stored; the order of the
/// properties is the order they are written in, and nulls are written.
/// </summary>
public sealed class RequestContentDocument
{
    [JsonPropertyName("kind")] public RequestKind? Kind { get; set; }
    [JsonPropertyName("requestedState")] public string? RequestedState { get; set; }
    [JsonPropertyName("legalBasis")] public LegalBasis? LegalBasis { get; set; }
    [JsonPropertyName("requestingAuthority")] public AuthorityDocument? RequestingAuthority { get; set; }
    [JsonPropertyName("proceeding")] public ProceedingDocument? Proceeding { get; set; }
    [JsonPropertyName("offences")] public List<OffenceDocument>? Offences { get; set; }
    [JsonPropertyName("facts")] public string? Facts { get; set; }
    [JsonPropertyName("measures")] public List<Measure>? Measures { get; set; }
    [JsonPropertyName("assistanceSought")] public string? AssistanceSought { get; set; }
    [JsonPropertyName("procedures")] public string? Procedures { get; set; }
    [JsonPropertyName("persons")] public List<PersonDocument>? Persons { get; set; }
    [JsonPropertyName("purpose")] public string? Purpose { get; set; }
    [JsonPropertyName("language")] public string? Language { get; set; }
    [JsonPropertyName("urgent")] public bool? Urgent { get; set; }
    [JsonPropertyName("urgencyReasons")] public string? UrgencyReasons { get; set; }
    [JsonPropertyName("emergency")] public bool? Emergency { get; set; }
    [JsonPropertyName("emergencyJustification")] public string? EmergencyJustification { get; set; }
    [JsonPropertyName("deadline")] public DateOnly? Deadline { get; set; }
    [JsonPropertyName("deadlineReasons")] public string? DeadlineReasons { get; set; }
    [JsonPropertyName("confidential")] public bool? Confidential { get; set; }
    [JsonPropertyName("relatedRequestId")] public Guid? RelatedRequestId { get; set; }
    [JsonPropertyName("preservation")] public PreservationDocument? Preservation { get; set; }
    [JsonPropertyName("electronicData")] public ElectronicDataDocument? ElectronicData { get; set; }
}

public sealed class AuthorityDocument
{
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("functions")] public string? Functions { get; set; }
    [JsonPropertyName("email")] public string? Email { get; set; }
    [JsonPropertyName("phone")] public string? Phone { get; set; }
}

public sealed class ProceedingDocument
{
    [JsonPropertyName("nature")] public ProceedingNature? Nature { get; set; }
    [JsonPropertyName("subject")] public string? Subject { get; set; }
    [JsonPropertyName("reference")] public string? Reference { get; set; }
    [JsonPropertyName("conductingAuthority")] public AuthorityDocument? ConductingAuthority { get; set; }
}

public sealed class OffenceDocument
{
    [JsonPropertyName("article")] public int? Article { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
    [JsonPropertyName("maxPenaltyYears")] public decimal? MaxPenaltyYears { get; set; }
}

public sealed class PersonDocument
{
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("role")] public PersonRole? Role { get; set; }
    [JsonPropertyName("location")] public string? Location { get; set; }
    [JsonPropertyName("nationality")] public string? Nationality { get; set; }
}

public sealed class PreservationDocument
{
    [JsonPropertyName("custodian")] public string? Custodian { get; set; }
    [JsonPropertyName("systemLocation")] public string? SystemLocation { get; set; }
    [JsonPropertyName("data")] public string? Data { get; set; }
    [JsonPropertyName("relationshipToOffence")] public string? RelationshipToOffence { get; set; }
    [JsonPropertyName("necessity")] public string? Necessity { get; set; }
    [JsonPropertyName("followUpIntended")] public bool? FollowUpIntended { get; set; }
    [JsonPropertyName("periodDays")] public int? PeriodDays { get; set; }
}

public sealed class ElectronicDataDocument
{
    [JsonPropertyName("categories")] public List<DataCategory>? Categories { get; set; }
    [JsonPropertyName("identifiers")] public List<string>? Identifiers { get; set; }
    [JsonPropertyName("from")] public DateOnly? From { get; set; }
    [JsonPropertyName("to")] public DateOnly? To { get; set; }
    [JsonPropertyName("durationDays")] public int? DurationDays { get; set; }
}
