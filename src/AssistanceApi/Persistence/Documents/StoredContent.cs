using System.Text.Json;
using AssistanceApi.Domain;
using AssistanceApi.Http;

namespace AssistanceApi.Persistence.Documents;

/// <summary>A request's content to and from its stored document (<see cref="RequestContentDocument"/>): one (de)serialization each way.</summary>
public static class StoredContent
{
    public static string Write(RequestDetails details) => JsonSerializer.Serialize(ToDocument(details), JsonDefaults.Options);

    public static RequestDetails Read(string json) =>
        ToDetails(JsonSerializer.Deserialize<RequestContentDocument>(json, JsonDefaults.Options)
                  ?? throw new InvalidDataException("A stored request content is null."));

    public static RequestContentDocument ToDocument(RequestDetails d) => new()
    {
        Kind = d.Kind, RequestedState = d.RequestedState, LegalBasis = d.LegalBasis,
        RequestingAuthority = ToDocument(d.RequestingAuthority),
        Proceeding = d.Proceeding is { } p
            ? new ProceedingDocument { Nature = p.Nature, Subject = p.Subject, Reference = p.Reference, ConductingAuthority = ToDocument(p.ConductingAuthority) }
            : null,
        Offences = d.Offences?.Select(o => o is null ? null! : new OffenceDocument { Article = o.Article, Description = o.Description, MaxPenaltyYears = o.MaxPenaltyYears }).ToList(),
        Facts = d.Facts, Measures = d.Measures?.ToList(), AssistanceSought = d.AssistanceSought, Procedures = d.Procedures,
        Persons = d.Persons?.Select(p => p is null ? null! : new PersonDocument { Name = p.Name, Role = p.Role, Location = p.Location, Nationality = p.Nationality }).ToList(),
        Purpose = d.Purpose, Language = d.Language, Urgent = d.Urgent, UrgencyReasons = d.UrgencyReasons, Emergency = d.Emergency,
        EmergencyJustification = d.EmergencyJustification, Deadline = d.Deadline, DeadlineReasons = d.DeadlineReasons,
        Confidential = d.Confidential, RelatedRequestId = d.RelatedRequestId,
        Preservation = d.Preservation is { } s
            ? new PreservationDocument
            {
                Custodian = s.Custodian, SystemLocation = s.SystemLocation, Data = s.Data, RelationshipToOffence = s.RelationshipToOffence,
                Necessity = s.Necessity, FollowUpIntended = s.FollowUpIntended, PeriodDays = s.PeriodDays,
            }
            : null,
        ElectronicData = d.ElectronicData is { } e
            ? new ElectronicDataDocument { Categories = e.Categories?.ToList(), Identifiers = e.Identifiers?.ToList(), From = e.From, To = e.To, DurationDays = e.DurationDays }
            : null,
    };

    public static RequestDetails ToDetails(RequestContentDocument d) => new()
    {
        Kind = d.Kind, RequestedState = d.RequestedState, LegalBasis = d.LegalBasis,
        RequestingAuthority = ToDetails(d.RequestingAuthority),
        Proceeding = d.Proceeding is { } p
            ? new ProceedingDetails { Nature = p.Nature, Subject = p.Subject, Reference = p.Reference, ConductingAuthority = ToDetails(p.ConductingAuthority) }
            : null,
        Offences = d.Offences?.Select(o => o is null ? null! : new OffenceDetails { Article = o.Article, Description = o.Description, MaxPenaltyYears = o.MaxPenaltyYears }).ToList(),
        Facts = d.Facts, Measures = d.Measures, AssistanceSought = d.AssistanceSought, Procedures = d.Procedures,
        Persons = d.Persons?.Select(p => p is null ? null! : new PersonDetails { Name = p.Name, Role = p.Role, Location = p.Location, Nationality = p.Nationality }).ToList(),
        Purpose = d.Purpose, Language = d.Language, Urgent = d.Urgent, UrgencyReasons = d.UrgencyReasons, Emergency = d.Emergency,
        EmergencyJustification = d.EmergencyJustification, Deadline = d.Deadline, DeadlineReasons = d.DeadlineReasons,
        Confidential = d.Confidential, RelatedRequestId = d.RelatedRequestId,
        Preservation = d.Preservation is { } s
            ? new PreservationSought
            {
                Custodian = s.Custodian, SystemLocation = s.SystemLocation, Data = s.Data, RelationshipToOffence = s.RelationshipToOffence,
                Necessity = s.Necessity, FollowUpIntended = s.FollowUpIntended, PeriodDays = s.PeriodDays,
            }
            : null,
        ElectronicData = d.ElectronicData is { } e
            ? new ElectronicDataSought { Categories = e.Categories, Identifiers = e.Identifiers, From = e.From, To = e.To, DurationDays = e.DurationDays }
            : null,
    };

    private static AuthorityDocument? ToDocument(AuthorityDetails? a) =>
        a is null ? null : new AuthorityDocument { Name = a.Name, Functions = a.Functions, Email = a.Email, Phone = a.Phone };

    private static AuthorityDetails? ToDetails(AuthorityDocument? a) =>
        a is null ? null : new AuthorityDetails { Name = a.Name, Functions = a.Functions, Email = a.Email, Phone = a.Phone };
}
