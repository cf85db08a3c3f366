using System.Text.Json.Serialization;

namespace AssistanceApi.Features.Clients;

/// <summary>A client as its administrators see it: never its key or the key's hash.</summary>
public sealed class ClientView
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public string? State { get; init; }
    public string Role { get; init; } = "";
    public string? KeyPrefix { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }

    public const string Columns =
        "id AS Id, name AS Name, state AS State, role AS Role, key_prefix AS KeyPrefix, created_at AS CreatedAt, revoked_at AS RevokedAt";

    /// <summary>What the admin log keeps of a client: the key's public prefix, never the key or its hash.</summary>
    public static object LogDetails(ClientView client) => new { clientId = client.Id, client.Role, client.Name, client.KeyPrefix };
}

/// <summary>
/// The answer to creating or rotating: the key, shown this once and never again. A replay of the call (same
/// Idempotency-Key) returns the client without the key and with keyShownOnce: true, since no key is ever stored.
/// </summary>
public sealed class IssuedKey : Idempotency.IHoldsSecret
{
    public required ClientView Client { get; init; }

    /// <summary>The new key, in this response only; absent from a replay.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Key { get; init; }

    /// <summary>true in a replay: the key was in the first response only, and is not stored anywhere.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? KeyShownOnce { get; init; }

    public object WithoutSecret() => new IssuedKey { Client = Client, KeyShownOnce = true };
}
