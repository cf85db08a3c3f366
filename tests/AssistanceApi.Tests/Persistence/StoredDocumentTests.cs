using System.Text.Json;
using AssistanceApi.Domain;
using AssistanceApi.Features.Requests;
using AssistanceApi.Http;
using AssistanceApi.Persistence.Documents;

namespace AssistanceApi.Tests.Persistence;

/// <summary>
/// The stored JSON of a request's content and of a directory entry, pinned byte for byte: a rename on the wire or in
/// the domain must not change what is stored (nor the audit digests computed over it), and documents stored before
/// must still read.
/// </summary>
public sealed class StoredDocumentTests
{
    private const string StoredRequest =
        """{"kind":"mutual-legal-assistance","requestedState":"DEU","legalBasis":"bilateral-treaty","requestingAuthority":{"name":"Parquet de Paris","functions":"Public prosecutor","email":"mla@example.fr","phone":"\u002B33 1 00 00 00 00"},"proceeding":{"nature":"prosecution","subject":"Ransomware attack on a hospital","reference":"PAR-2026-0042","conductingAuthority":{"name":"Juge d\u0027instruction","functions":"Investigating judge","email":null,"phone":null}},"offences":[{"article":7,"description":null,"maxPenaltyYears":null},{"article":null,"description":"Extortion","maxPenaltyYears":7.5}],"facts":"Servers were encrypted.","measures":["search-and-seizure","stored-data-access","video-hearing"],"assistanceSought":"Seize the servers.","procedures":"Keep a chain of custody.","persons":[{"name":"J. Doe","role":"account-holder","location":"Berlin","nationality":"DEU"}],"purpose":"Evidence for trial.","language":"de","urgent":true,"urgencyReasons":"Logs rotate.","emergency":false,"emergencyJustification":null,"deadline":"2026-12-31","deadlineReasons":"Trial date.","confidential":true,"relatedRequestId":"0195f0a4-7b1c-7c3e-9a51-3d2f1e0b8c7a","preservation":{"custodian":"Example Hosting GmbH","systemLocation":"Frankfurt","data":"Mailbox","relationshipToOffence":"Used by the attacker","necessity":"Risk of deletion","followUpIntended":true,"periodDays":90},"electronicData":{"categories":["subscriber","traffic"],"identifiers":["attacker@example.org"],"from":"2026-01-01","to":"2026-03-31","durationDays":null}}""";

    private static RequestDetails FullRequest() => new()
    {
        Kind = RequestKind.MutualLegalAssistance, RequestedState = "DEU", LegalBasis = LegalBasis.BilateralTreaty,
        RequestingAuthority = new AuthorityDetails { Name = "Parquet de Paris", Functions = "Public prosecutor", Email = "mla@example.fr", Phone = "+33 1 00 00 00 00" },
        Proceeding = new ProceedingDetails
        {
            Nature = ProceedingNature.Prosecution, Subject = "Ransomware attack on a hospital", Reference = "PAR-2026-0042",
            ConductingAuthority = new AuthorityDetails { Name = "Juge d'instruction", Functions = "Investigating judge" },
        },
        Offences = [new OffenceDetails { Article = 7 }, new OffenceDetails { Description = "Extortion", MaxPenaltyYears = 7.5m }],
        Facts = "Servers were encrypted.",
        Measures = [Measure.SearchAndSeizure, Measure.StoredDataAccess, Measure.VideoHearing],
        AssistanceSought = "Seize the servers.", Procedures = "Keep a chain of custody.",
        Persons = [new PersonDetails { Name = "J. Doe", Role = PersonRole.AccountHolder, Location = "Berlin", Nationality = "DEU" }],
        Purpose = "Evidence for trial.", Language = "de", Urgent = true, UrgencyReasons = "Logs rotate.", Emergency = false,
        Deadline = new DateOnly(2026, 12, 31), DeadlineReasons = "Trial date.", Confidential = true,
        RelatedRequestId = Guid.Parse("0195f0a4-7b1c-7c3e-9a51-3d2f1e0b8c7a"),
        Preservation = new PreservationSought
        {
            Custodian = "Example Hosting GmbH", SystemLocation = "Frankfurt", Data = "Mailbox", RelationshipToOffence = "Used by the attacker",
            Necessity = "Risk of deletion", FollowUpIntended = true, PeriodDays = 90,
        },
        ElectronicData = new ElectronicDataSought
        {
            Categories = [DataCategory.Subscriber, DataCategory.Traffic], Identifiers = ["attacker@example.org"],
            From = new DateOnly(2026, 1, 1), To = new DateOnly(2026, 3, 31),
        },
    };

    [Fact]
    public void A_full_request_content_is_stored_as_the_pinned_json() =>
        Assert.Equal(StoredRequest, StoredContent.Write(FullRequest()));

    [Fact]
    public void A_stored_document_reads_back_and_is_written_again_unchanged()
    {
        var read = StoredContent.Read(StoredRequest);
        Assert.Equal("Juge d'instruction", read.Proceeding!.ConductingAuthority!.Name);
        Assert.Equal(7.5m, read.Offences![1].MaxPenaltyYears);
        Assert.Equal([Measure.SearchAndSeizure, Measure.StoredDataAccess, Measure.VideoHearing], read.Measures);
        Assert.Equal(StoredRequest, StoredContent.Write(read));
    }

    [Fact]
    public void The_wire_body_of_a_create_is_stored_as_the_pinned_json()
    {
        var body = JsonSerializer.Deserialize<RequestContent>(StoredRequest, JsonDefaults.Options)!;
        Assert.Equal(StoredRequest, StoredContent.Write(body.ToDetails()));
    }

    [Fact]
    public void A_draft_with_only_kind_and_requested_state_stores_every_other_field_as_null()
    {
        var stored = StoredContent.Write(new RequestDetails { Kind = RequestKind.ExpeditedPreservation, RequestedState = "BRA" });
        Assert.Equal(
            """{"kind":"expedited-preservation","requestedState":"BRA","legalBasis":null,"requestingAuthority":null,"proceeding":null,"offences":null,"facts":null,"measures":null,"assistanceSought":null,"procedures":null,"persons":null,"purpose":null,"language":null,"urgent":null,"urgencyReasons":null,"emergency":null,"emergencyJustification":null,"deadline":null,"deadlineReasons":null,"confidential":null,"relatedRequestId":null,"preservation":null,"electronicData":null}""",
            stored);
    }

    /// <summary>Enum values are stored by name: renaming a member of a domain enum would change stored documents.</summary>
    [Fact]
    public void The_stored_names_of_the_content_enums_are_pinned()
    {
        static string Names<T>() where T : struct, Enum => string.Join(",", Enum.GetValues<T>().Select(v => WireName.Of(v)));
        Assert.Equal("mutual-legal-assistance,expedited-preservation,traffic-data-disclosure", Names<RequestKind>());
        Assert.Equal("convention,bilateral-treaty,reciprocity", Names<LegalBasis>());
        Assert.Equal("investigation,prosecution,judicial-proceeding", Names<ProceedingNature>());
        Assert.Equal(
            "taking-evidence,service-of-documents,search-and-seizure,freezing,stored-data-access,real-time-traffic-collection," +
            "content-interception,examining-objects-and-sites,information-and-expert-evaluations,documents-and-records," +
            "tracing-proceeds,voluntary-appearance,recovery-of-proceeds,video-hearing,detained-person-transfer,other",
            Names<Measure>());
        Assert.Equal("suspect,accused,witness,victim,expert,account-holder,other", Names<PersonRole>());
        Assert.Equal("subscriber,traffic,content", Names<DataCategory>());
        Assert.Equal("none,signatory,party", Names<ConventionStatusKind>());
    }

    private const string StoredState =
        """{"code":"DEU","name":"Germany","convention":{"status":"party","signedOn":"2025-10-25","ratifiedOn":"2026-02-01","inForceOn":"2026-03-01"},"centralAuthority":{"name":"Federal Office of Justice","email":"mla@example.de","phone":null},"contactPoint":null,"acceptedLanguages":["de","en"],"declarations":{"requiresDualCriminality":true,"acceptsRealTimeTrafficCollection":null,"acceptsContentInterception":false,"requiresRequestLetter":null},"source":"Notification","asOf":"2026-03-02"}""";

    [Fact]
    public void A_directory_entry_is_stored_as_the_pinned_json_and_reads_back()
    {
        var document = StateDocument.Read(StoredState);
        Assert.Equal(StoredState, document.Write());
        Assert.Equal(StoredState, AssistanceApi.Features.States.StateEntry.From(document).ToDocument().Write());

        var state = document.ToDomain();
        Assert.Equal(("DEU", ConventionStatusKind.Party, true, false), (state.Code, state.ConventionStatus, state.HasCentralAuthority, state.HasContactPoint));
        Assert.True(state.IsPartyInForceOn(new DateOnly(2026, 3, 1)));
        Assert.Equal(false, state.Declarations.AcceptsContentInterception);
    }
}
