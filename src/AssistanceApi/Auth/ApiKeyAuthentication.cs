using System.Security.Claims;
using System.Text.Encodings.Web;
using AssistanceApi.Http;
using AssistanceApi.Persistence;
using Dapper;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AssistanceApi.Auth;

/// <summary>Authenticates <c>X-Api-Key</c> against the stored SHA-256 hashes of client keys.</summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, Database database, KnownKeys known)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values)) return AuthenticateResult.NoResult();
        var key = values.ToString();
        if (key.Length is 0 or > 512) return AuthenticateResult.Fail("bad key");

        var keyHash = ApiKeys.Hash(key);
        if (!known.TryGet(keyHash, out var client))
        {
            var generation = known.Generation;
            var found = await FindAsync(key, keyHash);
            if (found is null) return AuthenticateResult.Fail("unknown key");
            known.Remember(keyHash, found, generation);
            client = found;
        }

        Context.Features.Set(client.Caller);
        Context.Features.Set(client.Calling);
        var claims = new List<Claim>(3) { new(ClaimTypes.NameIdentifier, client.Calling.IdText), new(ClaimTypes.Role, client.Role) };
        if (client.State is not null) claims.Add(new Claim(Caller.StateClaim, client.State));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    private async Task<KnownClient?> FindAsync(string key, string keyHash)
    {
        await using var connection = await database.OpenAsync(Context.RequestAborted);
        var prefix = ApiKeys.PrefixOf(key);
        // Generated keys are found by their public prefix and compared in constant time; seeded keys by their hash.
        var client = prefix is null
            ? await connection.QuerySingleOrDefaultAsync<ClientRow>(
                "SELECT id AS Id, state AS State, role AS Role, key_hash AS KeyHash FROM clients WHERE key_hash = @hash AND key_prefix IS NULL AND revoked_at IS NULL",
                new { hash = keyHash })
            : await connection.QuerySingleOrDefaultAsync<ClientRow>(
                "SELECT id AS Id, state AS State, role AS Role, key_hash AS KeyHash FROM clients WHERE key_prefix = @prefix AND revoked_at IS NULL",
                new { prefix });
        return client is not null && ApiKeys.Matches(key, client.KeyHash) ? new KnownClient(client.Id, client.State, client.Role) : null;
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        ProblemWriter.WriteAsync(Context, new Problem
        {
            Title = "Unauthorized",
            Status = 401,
            Detail = $"Send a valid API key in the {Header} header.",
            Type = Problems.TypeFor("unauthenticated"),
        });

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ProblemWriter.WriteAsync(Context, new Problem
        {
            Title = "Forbidden",
            Status = 403,
            Detail = "This client's role may not use this endpoint.",
            Type = Problems.TypeFor("forbidden"),
        });

    private sealed class ClientRow
    {
        public Guid Id { get; init; }
        public string? State { get; init; }
        public string Role { get; init; } = "";
        public string KeyHash { get; init; } = "";
    }
}
