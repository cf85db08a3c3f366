using static AssistanceApi.Domain.RequestStatus;
using RequestKind = AssistanceApi.Domain.RequestKind;
using RequestProgress = AssistanceApi.Domain.RequestProgress;
using RequestStatus = AssistanceApi.Domain.RequestStatus;

namespace AssistanceApi.Treaty;

/// <summary>Which side of the exchange takes an action.</summary>
public enum Side { Requesting, Requested, Either }

/// <summary>What a guard may look at besides the status: the request's progress and the time.</summary>
public sealed record GuardContext(RequestProgress Progress, DateTimeOffset Now, TreatyOptions Options);

/// <summary>
/// A row of the lifecycle table (contract section 4). <see cref="To"/> null: decided by the action's body.
/// <see cref="Guard"/>: a condition beyond the status, with the provision that imposes it.
/// </summary>
public sealed record LifecycleAction(
    string Name, Side By, IReadOnlySet<RequestStatus> From, RequestStatus? To, string ProvisionId,
    IReadOnlySet<RequestKind>? Kinds = null, LifecycleGuard? Guard = null);

public sealed record LifecycleGuard(string ProvisionId, string Explanation, Func<GuardContext, bool> Passes);

/// <summary>The lifecycle as data: guards and every response's allowedActions are derived from this one table.</summary>
public static class Lifecycle
{
    public static readonly IReadOnlySet<RequestStatus> Terminal =
        new HashSet<RequestStatus> { Executed, PartiallyExecuted, Refused, Withdrawn, Released, Expired, Discarded };

    private static readonly IReadOnlySet<RequestKind> Preservation = new HashSet<RequestKind> { RequestKind.ExpeditedPreservation };

    private static HashSet<RequestStatus> From(params RequestStatus[] statuses) => [.. statuses];

    /// <summary>Refusal and postponement come after consultation: once answered, or once it has been open long enough (Art. 40(27)).</summary>
    public static readonly LifecycleGuard ConsultationSettled = new("uncc-40-27",
        "the requesting State has not answered the consultation and it has not yet been open for the consultation period",
        g => g.Progress.Consultation is { } c && (c.Answer is not null || g.Now >= c.OpenedAt.AddDays(g.Options.ConsultationTimeoutDays)));

    public static readonly IReadOnlyList<LifecycleAction> Actions =
    [
        new("submit", Side.Requesting, From(Draft), Submitted, "uncc-40-14"),
        new("withdraw", Side.Requesting, Enum.GetValues<RequestStatus>().Where(s => s != Draft && !Terminal.Contains(s)).ToHashSet(), Withdrawn, "uncc-40-25"),
        new("acknowledge", Side.Requested, From(Submitted), Acknowledged, "uncc-40-13"),
        new("request-information", Side.Requested, From(Acknowledged, InExecution), InformationRequested, "uncc-40-16"),
        new("provide-information", Side.Requesting, From(InformationRequested), null, "uncc-40-16"),
        new("start-execution", Side.Requested, From(Acknowledged), InExecution, "uncc-40-17"),
        new("consult", Side.Requested, From(Acknowledged, InExecution), Consultation, "uncc-40-27"),
        new("accept-conditions", Side.Requesting, From(Consultation), InExecution, "uncc-40-27"),
        new("decline-conditions", Side.Requesting, From(Consultation), Consultation, "uncc-40-27"),
        new("refuse", Side.Requested, From(Consultation), Refused, "uncc-40-21", Guard: ConsultationSettled),
        new("postpone", Side.Requested, From(Consultation), Postponed, "uncc-40-26", Guard: ConsultationSettled),
        new("resume", Side.Requested, From(Postponed), InExecution, "uncc-40-26"),
        new("complete", Side.Requested, From(InExecution), null, "uncc-40-17"),
        new("preserve", Side.Requested, From(Acknowledged), Preserved, "uncc-42-7", Preservation),
        new("extend", Side.Requesting, From(Preserved), Preserved, "uncc-42-7", Preservation),
        new("release", Side.Either, From(Preserved), Released, "uncc-42-7", Preservation),
    ];

    public static LifecycleAction Action(string name) => Actions.Single(a => a.Name == name);

    /// <summary>The actions a side may take now on a request of this kind, in this status, with this progress.</summary>
    public static IReadOnlyList<string> Allowed(RequestKind kind, RequestStatus status, Side side, GuardContext guard) =>
        Actions.Where(a => a.From.Contains(status)
                           && (a.By == Side.Either || a.By == side)
                           && (a.Kinds is null || a.Kinds.Contains(kind))
                           && (a.Guard is null || a.Guard.Passes(guard)))
            .Select(a => a.Name)
            .ToList();
}
