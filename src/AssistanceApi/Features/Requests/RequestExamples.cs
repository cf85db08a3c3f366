using AssistanceApi.Domain;

namespace AssistanceApi.Features.Requests;

/// <summary>Swagger examples: a complete request for stored data from FRA to DEU.</summary>
public static class RequestExamples
{
    public static readonly RequestContent Draft = new()
    {
        Kind = RequestKind.MutualLegalAssistance,
        RequestedState = "DEU",
        LegalBasis = LegalBasis.Convention,
        Language = "en",
        RequestingAuthority = new Authority { Name = "Parquet national cyber, Paris", Functions = "Public prosecutor", Email = "cyber@parquet.example.org" },
        Proceeding = new Proceeding
        {
            Nature = ProceedingNature.Investigation, Subject = "Ransomware attack on a regional hospital", Reference = "PNC-2026-0042",
            ConductingAuthority = new Authority { Name = "Juge d'instruction, Paris", Functions = "Investigating judge" },
        },
        Offences = [new OffenceClaim { Article = 7 }, new OffenceClaim { Article = 10 }],
        Facts = "On 2 March 2026 the hospital's systems were encrypted; the ransom note named a mailbox hosted in Germany.",
        Measures = [Measure.StoredDataAccess],
        AssistanceSought = "Subscriber and traffic data of the mailbox named in the ransom note.",
        Purpose = "To identify the holder of the mailbox.",
        Persons = [new PersonConcerned { Name = "Unknown holder of ransom@mail.example.org", Role = PersonRole.AccountHolder, Location = "unknown", Nationality = "DEU" }],
        ElectronicData = new ElectronicData
        {
            Categories = [DataCategory.Subscriber, DataCategory.Traffic], Identifiers = ["ransom@mail.example.org"],
            From = new DateOnly(2026, 2, 1), To = new DateOnly(2026, 3, 31),
        },
    };

    /// <summary>The merge patch that completes <see cref="Draft"/> (kind and requestedState repeated, as the schema asks).</summary>
    public static readonly RequestContent CompletingPatch = new()
    {
        Kind = RequestKind.MutualLegalAssistance,
        RequestedState = "DEU",
        Procedures = "Please preserve the data before disclosure and certify the extract.",
    };
}
