using System.Text;
using System.Text.Json;
using AssistanceApi.Auth;
using AssistanceApi.Domain;
using AssistanceApi.Domain.Documents;
using AssistanceApi.Features.Requests;
using AssistanceApi.Http;
using AssistanceApi.Persistence.Documents;
using AssistanceApi.Tests.Support;
using AssistanceApi.Treaty;

namespace AssistanceApi.Tests.Features.Requests;

/// <summary>
/// <see cref="RequestJson"/> writes, straight from a row, the bytes the serializer writes for the
/// <see cref="RequestResource"/> mapped from it: for full documents, documents stored by older versions (fields
/// missing, or in another order), empty progress, and both sides of the exchange. A change's answer
/// (<see cref="RequestReply"/>) is written so, and a stored one, read back, replays as it was sent.
/// </summary>
public sealed class RequestJsonTests
{
    private static readonly JsonSerializerOptions Wire = WireJson.Options;

    private static readonly TreatyOptions Options = new();
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 30, 15, 123, TimeSpan.Zero);
    private static readonly Caller Fra = new(Guid.NewGuid(), "FRA", ClientRoles.CentralAuthority);
    private static readonly Caller Deu = new(Guid.NewGuid(), "DEU", ClientRoles.CentralAuthority);

    private const string Awkward = "Données — 漢字 😀 <b>&amp;</b> \"q\" 'single' back\\slash\nline\ttab\u2028 +33 \u00a0";

    private static RequestDetails Full() => new()
    {
        Kind = RequestKind.MutualLegalAssistance, RequestedState = "DEU", LegalBasis = LegalBasis.BilateralTreaty,
        RequestingAuthority = new AuthorityDetails { Name = "Juge d'instruction", Functions = Awkward, Email = "a@b.example", Phone = "+33 1" },
        Proceeding = new ProceedingDetails { Nature = ProceedingNature.Prosecution, Subject = Awkward, Reference = "R-1", ConductingAuthority = new AuthorityDetails { Name = "X" } },
        Offences = [new OffenceDetails { Article = 7 }, new OffenceDetails { Description = "Extortion", MaxPenaltyYears = 7.50m }],
        Facts = Awkward, Measures = [Measure.SearchAndSeizure, Measure.VideoHearing], AssistanceSought = "Seize.", Procedures = "Custody.",
        Persons = [new PersonDetails { Name = "Zoë", Role = PersonRole.AccountHolder, Location = "Berlin", Nationality = "DEU" }],
        Purpose = "Trial.", Language = "de", Urgent = true, UrgencyReasons = "Logs rotate.", Emergency = true, EmergencyJustification = "Life.",
        Deadline = new DateOnly(2026, 12, 31), DeadlineReasons = "Trial.", Confidential = true, RelatedRequestId = Guid.NewGuid(),
        Preservation = new PreservationSought { Custodian = "Host", SystemLocation = "FRA", Data = "Logs", RelationshipToOffence = "Used", Necessity = "Deletion", FollowUpIntended = true, PeriodDays = 90 },
        ElectronicData = new ElectronicDataSought { Categories = [DataCategory.Traffic], Identifiers = ["x@example.org"], From = new DateOnly(2026, 1, 1), To = new DateOnly(2026, 2, 1), DurationDays = 30 },
    };

    private static RequestProgress FullProgress() => new()
    {
        RequestedReference = "BfJ-2026-1 ü", Confidentiality = ConfidentialityAnswer.CanComply,
        InformationRequests = [new AssistanceApi.Domain.InformationRequest { Questions = ["Which?"], AskedAt = Now.AddDays(-3), ReturnTo = RequestStatus.InExecution, Answers = [Awkward], AnsweredAt = Now.AddTicks(-1234567) }],
        Consultation = new AssistanceApi.Domain.Consultation { Intent = ConsultationIntent.Refuse, ProposedConditions = ["Only in PNC-42"], Reasons = "Why", OpenedAt = Now.AddDays(-2), Answer = ConsultationAnswer.Declined, Comment = "No", AnsweredAt = Now.AddDays(-1) },
        Conditions = ["Only in PNC-42"],
        Refusal = new AssistanceApi.Domain.Refusal { Grounds = [new AssistanceApi.Domain.RefusalGround { Ground = "essential-interests", Provision = "uncc-40-21-b" }], Reasons = Awkward, RefusedAt = Now },
        Postponement = new AssistanceApi.Domain.Postponement { Reasons = "Trial", Until = new DateOnly(2027, 3, 1), PostponedAt = Now.AddHours(-5) },
        Outcome = new AssistanceApi.Domain.Outcome
        {
            Result = ExecutionOutcome.PartiallyExecuted, Summary = "Logs sent.", UnexecutedReasons = "Gone.", CompletedAt = Now,
            Evidence = new EvidenceManifest([new ManifestItem(Guid.NewGuid(), "logs é.txt", 1234, new string('a', 64), "text/plain")], new string('b', 64)),
        },
        Withdrawal = new AssistanceApi.Domain.Withdrawal { Reason = "Confessed", WithdrawnAt = Now },
        Release = new AssistanceApi.Domain.ReleaseNote { Reason = "Done", ByState = "DEU", ReleasedAt = Now },
    };

    private static RequestRecord Row(string content, string progress, string status = "in-execution", string kind = "mutual-legal-assistance") => new()
    {
        Id = Guid.NewGuid(), Reference = "FRA-DEU-2026-000042", RequestingState = "FRA", RequestedState = "DEU", Kind = kind, Status = status,
        Version = 7, CreatedAt = Now.AddDays(-9), UpdatedAt = Now.AddMilliseconds(-1), SubmittedAt = Now.AddDays(-8).AddTicks(1),
        AcknowledgeBy = Now.AddDays(-6), AcknowledgedAt = Now.AddDays(-7), DueAt = Now.AddDays(20), PreservedUntil = null,
        Content = content, Progress = progress,
    };

    public static TheoryData<string, string, string> Rows() => new()
    {
        { "full", StoredContent.Write(Full()), RequestRecord.StoredProgress(FullProgress()) },
        { "empty progress", StoredContent.Write(Full()), "{}" },
        { "a fresh draft", StoredContent.Write(new RequestDetails { Kind = RequestKind.ExpeditedPreservation, RequestedState = "BRA" }), "{}" },
        { "fields missing and out of order", """{"requestedState":"DEU","facts":"\u00e9t\u00e9","kind":"mutual-legal-assistance"}""", """{"conditions":["a"],"requestedReference":"X"}""" },
        { "progress without its lists", StoredContent.Write(Full()), """{"requestedReference":null,"confidentiality":"cannot-comply","consultation":null,"conditions":null,"refusal":null,"postponement":null,"outcome":null,"withdrawal":null,"release":null}""" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void A_written_request_is_byte_for_byte_the_serialized_resource(string name, string content, string progress)
    {
        foreach (var status in new[] { "draft", "submitted", "in-execution", "consultation", "executed" })
        foreach (var caller in new[] { Fra, Deu })
        {
            var row = Row(content, progress, status);
            var expected = JsonSerializer.Serialize(RequestResource.From(row, caller, Now, Options), Wire);
            Assert.True(expected == Written(row, caller), $"{name}, {status}, {caller.State}:\n{expected}\n{Written(row, caller)}");
        }
    }

    [Fact]
    public void A_written_page_is_the_serialized_page()
    {
        var rows = new[] { Row(StoredContent.Write(Full()), RequestRecord.StoredProgress(FullProgress())), Row(StoredContent.Write(Full()), "{}", "draft") };
        foreach (var cursor in new[] { null, "MTpjdXJzb3I" })
        {
            var expected = JsonSerializer.Serialize(
                new AssistanceApi.Features.Page<RequestResource> { Items = rows.Select(r => RequestResource.From(r, Fra, Now, Options)).ToList(), NextCursor = cursor }, Wire);
            Assert.Equal(expected, JsonSerializer.Serialize(new WrittenPage(rows, cursor, Fra, Now, Options), Wire));
        }
    }

    private static RequestRecord Draft() => Row(StoredContent.Write(Full()), "{}", "draft");

    [Fact]
    public void A_reply_from_a_row_is_the_serialized_resource_and_carries_its_version()
    {
        var row = Draft();
        var reply = new RequestReply(new WrittenRequest(row, Fra, Now, Options));

        Assert.Equal(JsonSerializer.Serialize(RequestResource.From(row, Fra, Now, Options), Wire), JsonSerializer.Serialize(reply, Wire));
        Assert.Equal(7L, reply.Version);
    }

    [Fact]
    public void A_stored_reply_is_replayed_as_the_answer_first_sent_whatever_settings_stored_it()
    {
        var row = Draft();
        var sent = JsonSerializer.Serialize(new RequestReply(new WrittenRequest(row, Fra, Now, Options)), Wire);
        // The key's record is stored with the API's default settings, which escape what the endpoints' do not (\u00E9 for é).
        var stored = JsonSerializer.Serialize(new RequestReply(new WrittenRequest(row, Fra, Now, Options)), JsonDefaults.Options);
        Assert.NotEqual(sent, stored);

        var replayed = JsonSerializer.Deserialize<RequestReply>(stored, JsonDefaults.Options)!;

        Assert.Equal(7L, replayed.Version);
        Assert.Equal(sent, JsonSerializer.Serialize(replayed, Wire));
    }

    [Fact]
    public void An_answer_stored_before_replies_were_written_from_the_row_replays_as_it_was_sent()
    {
        var row = Draft();
        var sent = JsonSerializer.Serialize(RequestResource.From(row, Fra, Now, Options), Wire);
        // What the key's record held for an action until answers were written from the row: the resource itself.
        var stored = JsonSerializer.Serialize(RequestResource.From(row, Fra, Now, Options), JsonDefaults.Options);

        var replayed = JsonSerializer.Deserialize<RequestReply>(stored, JsonDefaults.Options)!;

        Assert.Equal(7L, replayed.Version);
        Assert.Equal(sent, JsonSerializer.Serialize(replayed, Wire));
    }

    private static string Written(RequestRecord row, Caller caller)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Wire.Encoder }))
            RequestJson.Write(writer, row, caller, Now, Options);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
