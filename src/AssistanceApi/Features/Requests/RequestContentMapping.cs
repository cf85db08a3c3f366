using AssistanceApi.Domain;

namespace AssistanceApi.Features.Requests;

/// <summary>The wire body (<see cref="RequestContent"/>) to and from the domain's <see cref="RequestDetails"/>.</summary>
public static class RequestContentMapping
{
    public static RequestDetails ToDetails(this RequestContent c) => new()
    {
        Kind = c.Kind, RequestedState = c.RequestedState, LegalBasis = c.LegalBasis,
        RequestingAuthority = ToDetails(c.RequestingAuthority),
        Proceeding = c.Proceeding is { } p
            ? new ProceedingDetails { Nature = p.Nature, Subject = p.Subject, Reference = p.Reference, ConductingAuthority = ToDetails(p.ConductingAuthority) }
            : null,
        Offences = c.Offences?.Select(o => o is null ? null! : new OffenceDetails { Article = o.Article, Description = o.Description, MaxPenaltyYears = o.MaxPenaltyYears }).ToList(),
        Facts = c.Facts, Measures = c.Measures?.ToList(), AssistanceSought = c.AssistanceSought, Procedures = c.Procedures,
        Persons = c.Persons?.Select(p => p is null ? null! : new PersonDetails { Name = p.Name, Role = p.Role, Location = p.Location, Nationality = p.Nationality }).ToList(),
        Purpose = c.Purpose, Language = c.Language, Urgent = c.Urgent, UrgencyReasons = c.UrgencyReasons, Emergency = c.Emergency,
        EmergencyJustification = c.EmergencyJustification, Deadline = c.Deadline, DeadlineReasons = c.DeadlineReasons,
        Confidential = c.Confidential, RelatedRequestId = c.RelatedRequestId,
        Preservation = c.Preservation is { } s
            ? new PreservationSought
            {
                Custodian = s.Custodian, SystemLocation = s.SystemLocation, Data = s.Data, RelationshipToOffence = s.RelationshipToOffence,
                Necessity = s.Necessity, FollowUpIntended = s.FollowUpIntended, PeriodDays = s.PeriodDays,
            }
            : null,
        ElectronicData = c.ElectronicData is { } e
            ? new ElectronicDataSought { Categories = e.Categories?.ToList(), Identifiers = e.Identifiers?.ToList(), From = e.From, To = e.To, DurationDays = e.DurationDays }
            : null,
    };

    /// <summary>Writes the content fields of <paramref name="target"/> (a body, or a response that extends it) from the domain's.</summary>
    public static void Fill(RequestContent target, RequestDetails d)
    {
        target.Kind = d.Kind;
        target.RequestedState = d.RequestedState;
        target.LegalBasis = d.LegalBasis;
        target.RequestingAuthority = ToWire(d.RequestingAuthority);
        target.Proceeding = d.Proceeding is { } p
            ? new Proceeding { Nature = p.Nature, Subject = p.Subject, Reference = p.Reference, ConductingAuthority = ToWire(p.ConductingAuthority) }
            : null;
        target.Offences = d.Offences?.Select(o => o is null ? null! : new OffenceClaim { Article = o.Article, Description = o.Description, MaxPenaltyYears = o.MaxPenaltyYears }).ToList();
        target.Facts = d.Facts;
        target.Measures = d.Measures?.ToList();
        target.AssistanceSought = d.AssistanceSought;
        target.Procedures = d.Procedures;
        target.Persons = d.Persons?.Select(p => p is null ? null! : new PersonConcerned { Name = p.Name, Role = p.Role, Location = p.Location, Nationality = p.Nationality }).ToList();
        target.Purpose = d.Purpose;
        target.Language = d.Language;
        target.Urgent = d.Urgent;
        target.UrgencyReasons = d.UrgencyReasons;
        target.Emergency = d.Emergency;
        target.EmergencyJustification = d.EmergencyJustification;
        target.Deadline = d.Deadline;
        target.DeadlineReasons = d.DeadlineReasons;
        target.Confidential = d.Confidential;
        target.RelatedRequestId = d.RelatedRequestId;
        target.Preservation = d.Preservation is { } s
            ? new PreservationDetails
            {
                Custodian = s.Custodian, SystemLocation = s.SystemLocation, Data = s.Data, RelationshipToOffence = s.RelationshipToOffence,
                Necessity = s.Necessity, FollowUpIntended = s.FollowUpIntended, PeriodDays = s.PeriodDays,
            }
            : null;
        target.ElectronicData = d.ElectronicData is { } e
            ? new ElectronicData { Categories = e.Categories?.ToList(), Identifiers = e.Identifiers?.ToList(), From = e.From, To = e.To, DurationDays = e.DurationDays }
            : null;
    }

    private static AuthorityDetails? ToDetails(Authority? a) =>
        a is null ? null : new AuthorityDetails { Name = a.Name, Functions = a.Functions, Email = a.Email, Phone = a.Phone };

    private static Authority? ToWire(AuthorityDetails? a) =>
        a is null ? null : new Authority { Name = a.Name, Functions = a.Functions, Email = a.Email, Phone = a.Phone };
}
