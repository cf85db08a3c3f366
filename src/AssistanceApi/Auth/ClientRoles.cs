namespace AssistanceApi.Auth;

public static class ClientRoles
{
    public const string CentralAuthority = "central-authority";
    public const string ContactPoint = "contact-point";

    /// <summary>Manages its own State's clients and reads its State's admin log; never reads a request.</summary>
    public const string StateAdmin = "state-admin";

    public const string Secretariat = "secretariat";

    public static readonly IReadOnlySet<string> All = new HashSet<string> { CentralAuthority, ContactPoint, StateAdmin, Secretariat };

    /// <summary>The roles a State's own administrator may issue keys for.</summary>
    public static readonly IReadOnlySet<string> OfAState = new HashSet<string> { CentralAuthority, ContactPoint, StateAdmin };
}
