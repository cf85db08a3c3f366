using AssistanceApi.Treaty;
using static AssistanceApi.Domain.RequestStatus;

namespace AssistanceApi.Domain;

/// <summary>
/// The lifecycle as data: every action is a typed row here, and guards, refusals and every response's
/// allowedActions are derived from this one table.
/// </summary>
public static class Lifecycle
{
    public static readonly IReadOnlySet<RequestStatus> Terminal =
        new HashSet<RequestStatus> { Executed, PartiallyExecuted, Refused, Withdrawn, Released, Expired, Discarded };

    private static readonly IReadOnlySet<RequestKind> Preservation = new HashSet<RequestKind> { RequestKind.ExpeditedPreservation };

    private static HashSet<RequestStatus> From(params RequestStatus[] statuses) => [.. statuses];

    /// <summary>Refusal and postponement come after consultation: once answered, or once it has been open long enough (Art. 40(27)).</summary>
    public static readonly LifecycleGuard ConsultationSettled = new(Citations.Consultation,
        "the requesting State has not answered the consultation and it has not yet been open for the consultation period",
        g => g.Progress.Consultation is { } c && (c.Answer is not null || g.Now >= c.OpenedAt.AddDays(g.Options.ConsultationTimeoutDays)));

    /// <summary>Preserved data is kept for the period and no longer (Art. 42(7)).</summary>
    public static readonly LifecycleGuard PreservationEnded = new(Citations.PreservationPeriod,
        "the period of preservation has not ended",
        g => g.PreservedUntil is { } until && until < g.Now);

    /// <summary>
    /// The first moment after <paramref name="now"/> at which a guard above may answer differently for a request that
    /// nobody writes meanwhile (<see cref="ConsultationSettled"/>: the period of an unanswered consultation runs out;
    /// <see cref="PreservationEnded"/>, which reads also show as the status: the preservation period ends). Null when
    /// time alone changes nothing.
    /// </summary>
    public static DateTimeOffset? NextChangeByTime(RequestProgress progress, DateTimeOffset? preservedUntil, DateTimeOffset now, TreatyOptions options)
    {
        DateTimeOffset? next = null;
        if (progress.Consultation is { Answer: null } open) next = Earliest(next, open.OpenedAt.AddDays(options.ConsultationTimeoutDays), now);
        if (preservedUntil is { } until) next = Earliest(next, until, now);
        return next;
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? next, DateTimeOffset moment, DateTimeOffset now) =>
        moment < now ? next : next is { } known && known <= moment ? known : moment;

    public static readonly LifecycleAction Submit = new("submit", Side.Requesting, From(Draft), Submitted, Citations.Submission, Stamps: Stamps.SubmittedAt);
    public static readonly LifecycleAction Withdraw = new("withdraw", Side.Requesting,
        Enum.GetValues<RequestStatus>().Where(s => s != Draft && !Terminal.Contains(s)).ToHashSet(), Withdrawn, Citations.Progress);
    public static readonly LifecycleAction Acknowledge = new("acknowledge", Side.Requested, From(Submitted), Acknowledged, Citations.CentralAuthority,
        Stamps: Stamps.AcknowledgedAt);
    public static readonly LifecycleAction RequestInformation = new("request-information", Side.Requested, From(Acknowledged, InExecution),
        InformationRequested, Citations.AdditionalInformation);
    public static readonly LifecycleAction ProvideInformation = new("provide-information", Side.Requesting, From(InformationRequested), null, Citations.AdditionalInformation);
    public static readonly LifecycleAction StartExecution = new("start-execution", Side.Requested, From(Acknowledged), InExecution, Citations.Execution);
    public static readonly LifecycleAction Consult = new("consult", Side.Requested, From(Acknowledged, InExecution), RequestStatus.Consultation, Citations.Consultation);
    public static readonly LifecycleAction AcceptConditions = new("accept-conditions", Side.Requesting, From(RequestStatus.Consultation), InExecution, Citations.Consultation);
    public static readonly LifecycleAction DeclineConditions = new("decline-conditions", Side.Requesting, From(RequestStatus.Consultation), RequestStatus.Consultation, Citations.Consultation);
    public static readonly LifecycleAction Refuse = new("refuse", Side.Requested, From(RequestStatus.Consultation), Refused, Citations.Refusal, Guard: ConsultationSettled);
    public static readonly LifecycleAction Postpone = new("postpone", Side.Requested, From(RequestStatus.Consultation), Postponed, Citations.Postponement, Guard: ConsultationSettled);
    public static readonly LifecycleAction Resume = new("resume", Side.Requested, From(Postponed), InExecution, Citations.Postponement);
    public static readonly LifecycleAction Complete = new("complete", Side.Requested, From(InExecution), null, Citations.Execution);
    public static readonly LifecycleAction Preserve = new("preserve", Side.Requested, From(Acknowledged), Preserved, Citations.PreservationPeriod, Preservation);
    public static readonly LifecycleAction Extend = new("extend", Side.Requesting, From(Preserved), Preserved, Citations.PreservationPeriod, Preservation);
    public static readonly LifecycleAction Release = new("release", Side.Either, From(Preserved), Released, Citations.PreservationPeriod, Preservation);

    /// <summary>The actions of the exchange between the two States: what allowedActions lists.</summary>
    public static readonly IReadOnlyList<LifecycleAction> Actions =
    [
        Submit, Withdraw, Acknowledge, RequestInformation, ProvideInformation, StartExecution, Consult, AcceptConditions,
        DeclineConditions, Refuse, Postpone, Resume, Complete, Preserve, Extend, Release,
    ];

    /// <summary>Changing a draft's content (PATCH): the requesting State's own business, never listed as an action.</summary>
    public static readonly LifecycleAction Update = new("update", Side.Requesting, From(Draft), Draft, null);

    /// <summary>Discarding a draft (DELETE): kept with its history, visible to nobody; never listed as an action.</summary>
    public static readonly LifecycleAction Discard = new("discard", Side.Requesting, From(Draft), Discarded, null);

    /// <summary>A preservation whose period passed with no follow-up pending ends by itself (Art. 42(7)).</summary>
    public static readonly LifecycleAction Expire = new("expire", Side.Neither, From(Preserved), Expired, Citations.PreservationPeriod, Preservation, PreservationEnded);

    /// <summary>The actions a side may take now on a request of this kind, in this status, with this progress.</summary>
    public static IReadOnlyList<string> Allowed(RequestKind kind, RequestStatus status, Side side, GuardContext guard) =>
        Actions.Where(a => a.From.Contains(status)
                           && a.IsTakenBy(side)
                           && (a.Kinds is null || a.Kinds.Contains(kind))
                           && (a.Guard is null || a.Guard.Passes(guard)))
            .Select(a => a.Name)
            .ToList();
}
