using AssistanceApi.Auth;
using AssistanceApi.Domain;
using AssistanceApi.Domain.Events;
using AssistanceApi.Events;
using AssistanceApi.Persistence;

namespace AssistanceApi.Features.Events;

/// <summary>
/// <see cref="EventVisibility"/> and the audiences as SQL over the events table, for one caller (its State at <c>@state</c>,
/// a State administrator's audience at <c>@audience</c>). Built once from those definitions, as the request lists are from
/// <see cref="Visibility"/>: what the feed serves and what a single event's visibility says cannot drift apart.
/// </summary>
public static class EventVisibilitySql
{
    private static readonly string SeenByRequestingState = $"requesting_state = @state{Excluding(EventVisibility.SeenByRequestingState)}";
    private static readonly string SeenByRequestedState = $"requested_state = @state{Excluding(EventVisibility.SeenByRequestedState)}";

    private static string Excluding(IReadOnlySet<RequestStatus> seen)
    {
        var unseen = Enum.GetValues<RequestStatus>().Where(s => !seen.Contains(s)).ToList();
        return unseen.Count == 0 ? "" : " AND " + SqlLiteral.NotIn("status", unseen);
    }

    /// <summary>The condition an event must meet for the caller to see it; nothing for a caller who sees no event.</summary>
    public static string For(Caller caller)
    {
        if (AccessRules.OfficeOf(caller) is { } office && caller.State is not null)
        {
            var kinds = Visibility.KindsHandledBy(office);
            var kind = kinds.Count == Enum.GetValues<RequestKind>().Length ? "" : " AND " + SqlLiteral.In("kind", kinds);
            return $"(audience = '{StoredAudience.Request}' AND (({SeenByRequestingState}) OR ({SeenByRequestedState})){kind})";
        }
        if (caller.Role == ClientRoles.StateAdmin && caller.State is not null) return "audience = @audience";
        if (caller.IsSecretariat) return $"audience = '{StoredAudience.Secretariat}'";
        return "1 = 0";
    }

    /// <summary>The parameters <see cref="For"/> refers to.</summary>
    public static (string? State, string? Audience) Parameters(Caller caller) =>
        (caller.State, caller.State is { } state ? StoredAudience.StateAdmin(state) : null);
}
