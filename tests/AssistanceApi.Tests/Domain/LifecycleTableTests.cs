namespace AssistanceApi.Tests.Domain;

using AssistanceApi.Domain;
using static AssistanceApi.Domain.RequestStatus;
using static AssistanceApi.Tests.Domain.DomainKit;
using Lifecycle = AssistanceApi.Domain.Lifecycle;

/// <summary>Every row of the lifecycle table (contract section 4): from where, by whom, for which kind, under which guard.</summary>
public sealed class LifecycleTableTests
{
    private static readonly RequestStatus[] Open = [Submitted, Acknowledged, InformationRequested, InExecution, RequestStatus.Consultation, Postponed, Preserved];

    /// <summary>The contract's table, written out here rather than read from the code under test.</summary>
    public static TheoryData<string, Side, RequestStatus[], bool> Rows => new()
    {
        { "submit", Side.Requesting, [Draft], false },
        { "withdraw", Side.Requesting, Open, false },
        { "acknowledge", Side.Requested, [Submitted], false },
        { "request-information", Side.Requested, [Acknowledged, InExecution], false },
        { "provide-information", Side.Requesting, [InformationRequested], false },
        { "start-execution", Side.Requested, [Acknowledged], false },
        { "consult", Side.Requested, [Acknowledged, InExecution], false },
        { "accept-conditions", Side.Requesting, [RequestStatus.Consultation], false },
        { "decline-conditions", Side.Requesting, [RequestStatus.Consultation], false },
        { "refuse", Side.Requested, [RequestStatus.Consultation], false },
        { "postpone", Side.Requested, [RequestStatus.Consultation], false },
        { "resume", Side.Requested, [Postponed], false },
        { "complete", Side.Requested, [InExecution], false },
        { "preserve", Side.Requested, [Acknowledged], true },
        { "extend", Side.Requesting, [Preserved], true },
        { "release", Side.Either, [Preserved], true },
        { "update", Side.Requesting, [Draft], false },
        { "discard", Side.Requesting, [Draft], false },
        { "expire", Side.Neither, [Preserved], true },
    };

    private static LifecycleAction Action(string name) =>
        Lifecycle.Actions.Concat([Lifecycle.Update, Lifecycle.Discard, Lifecycle.Expire]).Single(a => a.Name == name);

    private static RequestKind KindFor(bool preservationOnly) =>
        preservationOnly ? RequestKind.ExpeditedPreservation : RequestKind.MutualLegalAssistance;

    /// <summary>A request in <paramref name="status"/> that meets every guard: the consultation answered, the preservation lapsed.</summary>
    private static Request Ready(RequestStatus status, RequestKind kind) => status switch
    {
        RequestStatus.Consultation => InConsultation(ConsultationAnswer.Declined) with { Kind = kind },
        Preserved => At(Preserved, kind, preservedUntil: Now.AddDays(-1)),
        _ => At(status, kind),
    };

    private static IEnumerable<Side> Acting(Side by) => by == Side.Either ? [Side.Requesting, Side.Requested] : [by];

    [Theory]
    [MemberData(nameof(Rows))]
    public void The_acting_side_may_take_it_from_each_status_of_its_row(string name, Side by, RequestStatus[] from, bool preservationOnly)
    {
        foreach (var status in from)
        foreach (var side in Acting(by))
            Assert.Null(Ready(status, KindFor(preservationOnly)).Check(Action(name), By(side)));
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void From_any_other_status_it_is_denied_listing_what_that_side_may_do(string name, Side by, RequestStatus[] from, bool preservationOnly)
    {
        foreach (var status in Enum.GetValues<RequestStatus>().Except(from))
        foreach (var side in Acting(by))
        {
            var request = Ready(status, KindFor(preservationOnly));
            var denied = Assert.IsType<WrongStatus>(request.Check(Action(name), By(side)));
            Assert.Equal(status, denied.Status);
            Assert.Equal(request.AllowedActions(By(side)), denied.AllowedActions);
        }
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Any_other_side_is_denied_before_the_status_is_looked_at(string name, Side by, RequestStatus[] from, bool preservationOnly)
    {
        var others = new[] { Side.Requesting, Side.Requested, Side.Neither }.Except(by == Side.Either ? [Side.Requesting, Side.Requested] : [by]);
        foreach (var side in others)
        {
            Assert.Equal(Action(name), Assert.IsType<WrongSide>(Ready(from[0], KindFor(preservationOnly)).Check(Action(name), By(side))).Action);
            var wrongStatus = Enum.GetValues<RequestStatus>().Except(from).First();
            Assert.IsType<WrongSide>(Ready(wrongStatus, KindFor(preservationOnly)).Check(Action(name), By(side)));
        }
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void A_preservation_action_on_another_kind_is_denied_before_anything_else(string name, Side by, RequestStatus[] from, bool preservationOnly)
    {
        foreach (var kind in Enum.GetValues<RequestKind>().Where(k => k != RequestKind.ExpeditedPreservation))
        {
            var denial = Ready(from[0], kind).Check(Action(name), By(by == Side.Either ? Side.Requested : by));
            if (preservationOnly) Assert.IsType<WrongKind>(denial);
            else Assert.Null(denial);
        }
    }

    [Theory]
    [InlineData("refuse")]
    [InlineData("postpone")]
    public void Refusal_and_postponement_wait_for_the_consultation_to_be_answered_or_to_run_its_time(string name)
    {
        var timeout = Options.ConsultationTimeoutDays;
        var guarded = Assert.IsType<GuardNotMet>(InConsultation(openedDaysAgo: timeout - 1).Check(Action(name), Requested));
        Assert.Equal("uncc-40-27", guarded.Guard.ProvisionId);
        Assert.DoesNotContain(name, guarded.AllowedActions);

        Assert.Null(InConsultation(ConsultationAnswer.Declined).Check(Action(name), Requested));
        Assert.Null(InConsultation(ConsultationAnswer.Accepted).Check(Action(name), Requested));
        Assert.Null(InConsultation(openedDaysAgo: timeout).Check(Action(name), Requested));
    }

    [Fact]
    public void A_preservation_expires_only_once_its_period_has_ended()
    {
        var running = At(Preserved, RequestKind.ExpeditedPreservation, preservedUntil: Now.AddSeconds(1));
        Assert.Equal("uncc-42-7", Assert.IsType<GuardNotMet>(running.Check(Lifecycle.Expire, By(Side.Neither))).Guard.ProvisionId);
        Assert.Null(At(Preserved, RequestKind.ExpeditedPreservation, preservedUntil: Now.AddSeconds(-1)).Check(Lifecycle.Expire, By(Side.Neither)));
    }

    public static TheoryData<RequestStatus, Side> Positions()
    {
        var data = new TheoryData<RequestStatus, Side>();
        foreach (var status in Enum.GetValues<RequestStatus>())
        foreach (var side in new[] { Side.Requesting, Side.Requested })
            data.Add(status, side);
        return data;
    }

    /// <summary>allowedActions is the table read at one position: the exchange's actions only, never a draft edit or expiry.</summary>
    [Theory]
    [MemberData(nameof(Positions))]
    public void Allowed_actions_are_the_rows_open_to_that_side_there(RequestStatus status, Side side)
    {
        foreach (var kind in Enum.GetValues<RequestKind>())
        {
            var request = Ready(status, kind);
            var expected = Rows.Select(row => ((string)row[0], (Side)row[1], (RequestStatus[])row[2], (bool)row[3]))
                .Where(row => row.Item1 is not ("update" or "discard" or "expire"))
                .Where(row => row.Item3.Contains(status) && Acting(row.Item2).Contains(side))
                .Where(row => !row.Item4 || kind == RequestKind.ExpeditedPreservation)
                .Select(row => row.Item1);
            Assert.Equal(expected.Order(), request.AllowedActions(By(side)).Order());
        }
    }

    [Fact]
    public void A_closed_request_allows_nothing_to_either_side()
    {
        Assert.Equal([Executed, PartiallyExecuted, Refused, Withdrawn, Released, Expired, Discarded], Lifecycle.Terminal.Order());
        foreach (var status in Lifecycle.Terminal)
        foreach (var side in new[] { Side.Requesting, Side.Requested })
            Assert.Empty(At(status, RequestKind.ExpeditedPreservation).AllowedActions(By(side)));
    }

    [Fact]
    public void Each_action_declares_the_time_columns_it_stamps()
    {
        Assert.Equal(Stamps.SubmittedAt, Lifecycle.Submit.Stamps);
        Assert.Equal(Stamps.AcknowledgedAt, Lifecycle.Acknowledge.Stamps);
        Assert.All(Lifecycle.Actions.Except([Lifecycle.Submit, Lifecycle.Acknowledge]), a => Assert.Equal(Stamps.None, a.Stamps));
    }

    [Fact]
    public void Wire_names_are_unique_and_draft_edits_are_the_only_rows_without_a_provision()
    {
        var all = Lifecycle.Actions.Concat([Lifecycle.Update, Lifecycle.Discard, Lifecycle.Expire]).ToList();
        Assert.Equal(all.Count, all.Select(a => a.Name).Distinct().Count());
        Assert.Equal(["discard", "update"], all.Where(a => a.ProvisionId is null).Select(a => a.Name).Order());
        Assert.Equal(["discard", "submit", "update"], all.Where(a => a.OnDraftOnly).Select(a => a.Name).Order());
    }
}
