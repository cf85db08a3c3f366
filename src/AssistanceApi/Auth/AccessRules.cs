using AssistanceApi.Domain;

namespace AssistanceApi.Auth;

/// <summary>
/// Who may see and handle which request, decided from <see cref="Visibility"/>: the one definition, which the list
/// and statistics queries are built from too. Endpoints declare roles; these rules decide per request.
/// </summary>
public static class AccessRules
{
    /// <summary>Central authorities handle every kind; 24/7 points of contact only the expedited channels of Arts. 41–43.</summary>
    public static bool MayHandle(Caller caller, RequestKind kind) =>
        OfficeOf(caller) is { } office && Visibility.KindsHandledBy(office).Contains(kind);

    /// <summary>
    /// The requesting State sees its requests; the requested State once submitted; every other State and the
    /// secretariat see nothing — to them the request does not exist.
    /// </summary>
    public static bool MaySee(Caller caller, string requestingState, string requestedState, RequestKind kind, RequestStatus status) =>
        caller.State is { } state && MayHandle(caller, kind)
        && ((state == requestingState && Visibility.SeenByRequestingState.Contains(status))
            || (state == requestedState && Visibility.SeenByRequestedState.Contains(status)));

    /// <summary>The office a client acts for; none for a State's administrator or the secretariat, who handle no request.</summary>
    public static Office? OfficeOf(Caller caller) => caller.Role switch
    {
        ClientRoles.CentralAuthority => Office.CentralAuthority,
        ClientRoles.ContactPoint => Office.ContactPoint,
        _ => null,
    };
}
