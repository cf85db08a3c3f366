using System.Collections.Frozen;

namespace AssistanceApi.Domain.Events;

/// <summary>
/// Who sees a request's event, from <see cref="Visibility"/>: a side sees the event of a change if it saw the request as
/// the change left it or as the change found it. So the requesting State learns its draft was discarded (it saw the
/// draft), while the requested State never learns of a draft, nor of its discarding. Kinds: as for the request itself.
/// </summary>
public static class EventVisibility
{
    // First: the sets below are built from it.
    private static readonly IReadOnlyList<LifecycleAction> EveryAction = [.. Lifecycle.Actions, Lifecycle.Update, Lifecycle.Discard, Lifecycle.Expire];

    /// <summary>The statuses (as an event leaves the request) whose events the requesting State sees.</summary>
    public static readonly IReadOnlySet<RequestStatus> SeenByRequestingState = SeenFrom(Visibility.SeenByRequestingState);

    /// <summary>The statuses (as an event leaves the request) whose events the requested State sees.</summary>
    public static readonly IReadOnlySet<RequestStatus> SeenByRequestedState = SeenFrom(Visibility.SeenByRequestedState);

    private static FrozenSet<RequestStatus> SeenFrom(IReadOnlySet<RequestStatus> seen) =>
        seen.Concat(EveryAction.Where(a => a.To is { } to && a.From.Overlaps(seen)).Select(a => a.To!.Value)).ToFrozenSet();

    /// <summary>Whether a State, through an office, sees a request's event that left the request in <paramref name="status"/>.</summary>
    public static bool MaySee(string state, Office office, string requestingState, string requestedState, RequestKind kind, RequestStatus status) =>
        Visibility.KindsHandledBy(office).Contains(kind)
        && ((state == requestingState && SeenByRequestingState.Contains(status))
            || (state == requestedState && SeenByRequestedState.Contains(status)));
}
