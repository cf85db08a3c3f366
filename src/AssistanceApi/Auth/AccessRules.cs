using AssistanceApi.Domain;
using AssistanceApi.Features.Requests;
using AssistanceApi.Treaty;

namespace AssistanceApi.Auth;

/// <summary>
/// Who may see and handle which request: the one place for it. Endpoints declare roles; these rules
/// decide per request. The list query repeats <see cref="MaySee"/> in SQL (Features/Requests/List).
/// </summary>
public static class AccessRules
{
    /// <summary>Central authorities handle every kind; 24/7 points of contact only the expedited channels of Arts. 41–43.</summary>
    public static bool MayHandle(Caller caller, RequestKind kind) =>
        caller.Role == ClientRoles.CentralAuthority
        || (caller.Role == ClientRoles.ContactPoint && DraftRules.ContactPointHandles(kind));

    /// <summary>
    /// The requesting State sees its requests; the requested State once submitted; every other State and the
    /// secretariat see nothing — to them the request does not exist.
    /// </summary>
    public static bool MaySee(Caller caller, string requestingState, string requestedState, RequestKind kind, RequestStatus status)
    {
        if (caller.State is null || status == RequestStatus.Discarded || !MayHandle(caller, kind)) return false;
        return caller.State == requestingState || (caller.State == requestedState && status != RequestStatus.Draft);
    }
}
