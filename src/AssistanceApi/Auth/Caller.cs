using System.Security.Claims;

namespace AssistanceApi.Auth;

/// <summary>Who is calling: the client behind the API key, its State and its role.</summary>
public sealed record Caller(Guid ClientId, string? State, string Role)
{
    public const string StateClaim = "state";

    public bool IsSecretariat => Role == ClientRoles.Secretariat;

    public static Caller From(ClaimsPrincipal user) => new(
        Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!),
        user.FindFirstValue(StateClaim),
        user.FindFirstValue(ClaimTypes.Role)!);
}
