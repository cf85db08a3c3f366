using System.Security.Claims;

namespace AssistanceApi.Auth;

/// <summary>Who is calling: the client behind the API key, its State and its role.</summary>
public sealed record Caller(Guid ClientId, string? State, string Role)
{
    public const string StateClaim = "state";

    public bool IsSecretariat => Role == ClientRoles.Secretariat;

    /// <summary>The API itself, for changes no client made (a preservation expiring).</summary>
    public static readonly Caller System = new(Guid.Empty, null, "system");

    /// <summary>The caller of this call: as the key's authentication left it, else from the claims.</summary>
    public static Caller Of(HttpContext http) => http.Features.Get<Caller>() ?? From(http.User);

    public static Caller From(ClaimsPrincipal user) => new(
        Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!),
        user.FindFirstValue(StateClaim),
        user.FindFirstValue(ClaimTypes.Role)!);
}
