using AssistanceApi.Domain;

namespace AssistanceApi.Features.Requests;

/// <summary>
/// Request content as the wire and the stored document spell it, read as the domain's <see cref="RequestDetails"/>.
/// One direction only: the aggregate decides on details; what is written back stays the content it was given.
/// </summary>
public static class RequestContentMapping
{
    public static RequestDetails ToDetails(this RequestContent content) => new()
    {
        Kind = content.Kind,
        RequestedState = content.RequestedState,
        LegalBasis = content.LegalBasis,
        RequestingAuthority = Map(content.RequestingAuthority),
        Proceeding = content.Proceeding is { } p
            ? new ProceedingDetails { Nature = p.Nature, Subject = p.Subject, Reference = p.Reference, ConductingAuthority = Map(p.ConductingAuthority) }
            : null,
        Offences = content.Offences?.Select(o => new OffenceDetails { Article = o.Article, Description = o.Description, MaxPenaltyYears = o.MaxPenaltyYears }).ToList(),
        Facts = content.Facts,
        Measures = content.Measures,
        AssistanceSought = content.AssistanceSought,
        Procedures = content.Procedures,
        Persons = content.Persons?.Select(p => new PersonDetails { Name = p.Name, Role = p.Role, Location = p.Location, Nationality = p.Nationality }).ToList(),
        Purpose = content.Purpose,
        Language = content.Language,
        Urgent = content.Urgent,
        UrgencyReasons = content.UrgencyReasons,
        Emergency = content.Emergency,
        EmergencyJustification = content.EmergencyJustification,
        Deadline = content.Deadline,
        DeadlineReasons = content.DeadlineReasons,
        Confidential = content.Confidential,
        RelatedRequestId = content.RelatedRequestId,
        Preservation = content.Preservation is { } s
            ? new PreservationSought
            {
                Custodian = s.Custodian, SystemLocation = s.SystemLocation, Data = s.Data, RelationshipToOffence = s.RelationshipToOffence,
                Necessity = s.Necessity, FollowUpIntended = s.FollowUpIntended, PeriodDays = s.PeriodDays,
            }
            : null,
        ElectronicData = content.ElectronicData is { } e
            ? new ElectronicDataSought { Categories = e.Categories, Identifiers = e.Identifiers, From = e.From, To = e.To, DurationDays = e.DurationDays }
            : null,
    };

    private static AuthorityDetails? Map(Authority? authority) => authority is null ? null
        : new AuthorityDetails { Name = authority.Name, Functions = authority.Functions, Email = authority.Email, Phone = authority.Phone };
}
