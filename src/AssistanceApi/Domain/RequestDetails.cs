namespace AssistanceApi.Domain;

/// <summary>
/// What the requesting State asks for: the content of a request as the treaty rules and the lifecycle see it.
/// Everything may be missing in a draft; the rules decide at submission. The wire body and the stored
/// document are other types, mapped to and from this one, so renaming either cannot change the other.
/// </summary>
public sealed record RequestDetails
{
    public RequestKind? Kind { get; init; }
    public string? RequestedState { get; init; }
    public LegalBasis? LegalBasis { get; init; }
    public AuthorityDetails? RequestingAuthority { get; init; }
    public ProceedingDetails? Proceeding { get; init; }
    public IReadOnlyList<OffenceDetails>? Offences { get; init; }
    public string? Facts { get; init; }
    public IReadOnlyList<Measure>? Measures { get; init; }
    public string? AssistanceSought { get; init; }
    public string? Procedures { get; init; }
    public IReadOnlyList<PersonDetails>? Persons { get; init; }
    public string? Purpose { get; init; }
    public string? Language { get; init; }
    public bool? Urgent { get; init; }
    public string? UrgencyReasons { get; init; }
    public bool? Emergency { get; init; }
    public string? EmergencyJustification { get; init; }
    public DateOnly? Deadline { get; init; }
    public string? DeadlineReasons { get; init; }
    public bool? Confidential { get; init; }
    public Guid? RelatedRequestId { get; init; }
    public PreservationSought? Preservation { get; init; }
    public ElectronicDataSought? ElectronicData { get; init; }

    /// <summary>Without a stated basis the request rests on the Convention (contract section 3).</summary>
    public LegalBasis EffectiveLegalBasis => LegalBasis ?? Domain.LegalBasis.Convention;
}

public sealed record AuthorityDetails
{
    public string? Name { get; init; }
    public string? Functions { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
}

public sealed record ProceedingDetails
{
    public ProceedingNature? Nature { get; init; }
    public string? Subject { get; init; }
    public string? Reference { get; init; }
    public AuthorityDetails? ConductingAuthority { get; init; }
}

/// <summary>Either a Convention offence by article, or a domestic offence with its maximum penalty.</summary>
public sealed record OffenceDetails
{
    public int? Article { get; init; }
    public string? Description { get; init; }
    public decimal? MaxPenaltyYears { get; init; }
}

public sealed record PersonDetails
{
    public string? Name { get; init; }
    public PersonRole? Role { get; init; }
    public string? Location { get; init; }
    public string? Nationality { get; init; }
}

/// <summary>The stored data an expedited preservation request asks to keep (Art. 42).</summary>
public sealed record PreservationSought
{
    public string? Custodian { get; init; }
    public string? SystemLocation { get; init; }
    public string? Data { get; init; }
    public string? RelationshipToOffence { get; init; }
    public string? Necessity { get; init; }
    public bool? FollowUpIntended { get; init; }
    public int? PeriodDays { get; init; }
}

/// <summary>The electronic data a measure of Arts. 44–46 is about.</summary>
public sealed record ElectronicDataSought
{
    public IReadOnlyList<DataCategory>? Categories { get; init; }
    public IReadOnlyList<string>? Identifiers { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public int? DurationDays { get; init; }
}
