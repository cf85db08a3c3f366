namespace AssistanceApi.Auth;

public static class ClientRoles
{
    public const string CentralAuthority = "central-authority";
    public const string ContactPoint = "contact-point";
    public const string Secretariat = "secretariat";

    public static readonly IReadOnlySet<string> All = new HashSet<string> { CentralAuthority, ContactPoint, Secretariat };
}
