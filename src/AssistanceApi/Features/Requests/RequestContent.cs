using System.ComponentModel.DataAnnotations;
using AssistanceApi.Domain;

namespace AssistanceApi.Features.Requests;

/// <summary>
/// What the requesting State writes into a request: the body of POST and validation, and the document
/// PATCH merges into. Everything is optional in a draft; the treaty rules decide at submission.
/// </summary>
public class RequestContent
{
    public RequestKind? Kind { get; set; }
    public string? RequestedState { get; set; }
    public LegalBasis? LegalBasis { get; set; }
    public Authority? RequestingAuthority { get; set; }
    public Proceeding? Proceeding { get; set; }
    [MaxLength(RequestContentValidator.MaxOffences)]
    public List<OffenceClaim>? Offences { get; set; }
    public string? Facts { get; set; }
    [MaxLength(RequestContentValidator.MaxMeasures)]
    public List<Measure>? Measures { get; set; }
    public string? AssistanceSought { get; set; }
    public string? Procedures { get; set; }
    [MaxLength(RequestContentValidator.MaxPersons)]
    public List<PersonConcerned>? Persons { get; set; }
    public string? Purpose { get; set; }
    public string? Language { get; set; }
    public bool? Urgent { get; set; }
    public string? UrgencyReasons { get; set; }
    public bool? Emergency { get; set; }
    public string? EmergencyJustification { get; set; }
    public DateOnly? Deadline { get; set; }
    public string? DeadlineReasons { get; set; }
    public bool? Confidential { get; set; }
    public Guid? RelatedRequestId { get; set; }
    public PreservationDetails? Preservation { get; set; }
    public ElectronicData? ElectronicData { get; set; }
}

public sealed class Authority
{
    public string? Name { get; set; }
    public string? Functions { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
}

public sealed class Proceeding
{
    public ProceedingNature? Nature { get; set; }
    public string? Subject { get; set; }
    public string? Reference { get; set; }
    public Authority? ConductingAuthority { get; set; }
}

/// <summary>Either a Convention offence by article, or a domestic offence with its maximum penalty.</summary>
public sealed class OffenceClaim
{
    public int? Article { get; set; }
    public string? Description { get; set; }
    public decimal? MaxPenaltyYears { get; set; }
}

public sealed class PersonConcerned
{
    public string? Name { get; set; }
    public PersonRole? Role { get; set; }
    public string? Location { get; set; }
    public string? Nationality { get; set; }
}

public sealed class PreservationDetails
{
    public string? Custodian { get; set; }
    public string? SystemLocation { get; set; }
    public string? Data { get; set; }
    public string? RelationshipToOffence { get; set; }
    public string? Necessity { get; set; }
    public bool? FollowUpIntended { get; set; }
    public int? PeriodDays { get; set; }
}

public sealed class ElectronicData
{
    [MaxLength(RequestContentValidator.MaxCategories)]
    public List<DataCategory>? Categories { get; set; }
    [MaxLength(RequestContentValidator.MaxIdentifiers)]
    public List<string>? Identifiers { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public int? DurationDays { get; set; }
}

