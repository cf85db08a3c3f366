namespace AssistanceApi.Tests.Domain;

using AssistanceApi.Domain;
using AssistanceApi.Treaty;
using static AssistanceApi.Tests.Domain.DomainKit;
using Lifecycle = AssistanceApi.Domain.Lifecycle;

public sealed class DraftingTests
{
    private static readonly Finding Warning = new(Severity.Warning, "uncc-40-15-f", "language", "UNCC Art. 40(15)(f): a language it accepts.", new RuleBasis(BasisKind.Treaty, "uncc-40-15-f", true));
    private static readonly Finding Error = new(Severity.Error, "uncc-40-15-a", "requestingAuthority", "UNCC Art. 40(15)(a): the authority.", new RuleBasis(BasisKind.Treaty, "uncc-40-15-a", true));

    [Fact]
    public void Submission_numbers_the_request_and_starts_the_acknowledgement_clock()
    {
        var draft = At(RequestStatus.Draft, details: new RequestDetails { Kind = RequestKind.MutualLegalAssistance, RequestedState = Borduria, Deadline = new DateOnly(2026, 4, 30) });

        var change = Changed(draft.Submit(Requesting, [Warning], 42));

        var submitted = change.After;
        Assert.Equal(RequestStatus.Submitted, submitted.Status);
        Assert.Equal(draft.Version + 1, submitted.Version);
        Assert.Equal("ATL-BOR-2026-000042", submitted.Reference);
        Assert.Equal(Now, submitted.SubmittedAt);
        Assert.Equal(Now + Options.AcknowledgeWithin, submitted.AcknowledgeBy);
        Assert.Equal(new DateTimeOffset(2026, 4, 30, 23, 59, 59, TimeSpan.Zero), submitted.DueAt);
        Assert.Null(submitted.ClosedAt);
        Assert.Same(draft.Progress, submitted.Progress);
        Assert.Equal(Lifecycle.Submit, change.Action);
        Assert.Equivalent(new { reference = "ATL-BOR-2026-000042", warnings = new[] { "uncc-40-15-f" } }, change.AuditDetails);
    }

    [Theory]
    [InlineData(RequestKind.MutualLegalAssistance, true)]
    [InlineData(RequestKind.ExpeditedPreservation, false)]
    [InlineData(RequestKind.TrafficDataDisclosure, false)]
    public void Emergencies_and_the_expedited_channels_are_acknowledged_within_the_shorter_time(RequestKind kind, bool emergency)
    {
        var draft = At(RequestStatus.Draft, kind, details: new RequestDetails { Kind = kind, RequestedState = Borduria, Emergency = emergency });
        Assert.Equal(Now + Options.ExpeditedAcknowledgeWithin, Changed(draft.Submit(Requesting, [], 1)).After.AcknowledgeBy);
    }

    [Fact]
    public void An_error_finding_stops_submission_and_a_wrong_side_or_status_is_denied_first()
    {
        Assert.Equal([Error], Assert.IsType<NotCompliant>(At(RequestStatus.Draft).Submit(Requesting, [Warning, Error], 1)).Errors);
        Assert.IsType<WrongSide>(At(RequestStatus.Draft).Submit(Requested, [Error], 1));
        Assert.IsType<WrongStatus>(At(RequestStatus.Submitted).Submit(Requesting, [Error], 1));
    }

    [Fact]
    public void Updating_a_draft_replaces_its_content_kind_and_requested_State()
    {
        var draft = At(RequestStatus.Draft);
        var details = new RequestDetails { Kind = RequestKind.TrafficDataDisclosure, RequestedState = "CAR", Facts = "New facts." };

        var change = Changed(draft.Update(Requesting, details, ["kind", "requestedState", "facts"]));

        Assert.Equal(RequestStatus.Draft, change.After.Status);
        Assert.Equal(draft.Version + 1, change.After.Version);
        Assert.Same(details, change.After.Details);
        Assert.Equal(RequestKind.TrafficDataDisclosure, change.After.Kind);
        Assert.Equal("CAR", change.After.RequestedState);
        Assert.True(change.DetailsChanged);
        Assert.False(change.ProgressChanged);
        Assert.Equivalent(new { fields = new[] { "kind", "requestedState", "facts" } }, change.AuditDetails);
    }

    [Fact]
    public void A_draft_addressed_to_its_own_State_is_rejected_citing_Art_40_1()
    {
        var rejected = Assert.IsType<Rejected>(At(RequestStatus.Draft).Update(Requesting, new RequestDetails { RequestedState = Atlantis }, ["requestedState"]));
        Assert.Null(rejected.Detail);
        Assert.Equal(new ProvisionBreach(Citations.OtherState, "requestedState", "the requested State must be another State than the requesting State."),
            Assert.Single(rejected.Breaches));
    }

    [Fact]
    public void Only_the_requesting_State_changes_or_discards_a_draft_and_only_a_draft()
    {
        Assert.IsType<WrongSide>(At(RequestStatus.Draft).Update(Requested, new RequestDetails(), []));
        Assert.IsType<WrongSide>(At(RequestStatus.Draft).Discard(Requested));
        Assert.True(Assert.IsType<WrongStatus>(At(RequestStatus.Submitted).Update(Requesting, new RequestDetails(), [])).Action.OnDraftOnly);
        Assert.Contains("withdraw", Assert.IsType<WrongStatus>(At(RequestStatus.Submitted).Discard(Requesting)).AllowedActions);
    }

    [Fact]
    public void Discarding_closes_the_draft()
    {
        var change = Changed(At(RequestStatus.Draft).Discard(Requesting));
        Assert.Equal(RequestStatus.Discarded, change.After.Status);
        Assert.Equal(Now, change.After.ClosedAt);
        Assert.Null(change.AuditDetails);
    }
}
