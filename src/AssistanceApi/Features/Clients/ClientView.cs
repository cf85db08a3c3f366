namespace AssistanceApi.Features.Clients;

/// <summary>A client as the secretariat sees it: never its key or the key's hash.</summary>
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
}

/// <summary>The answer to creating or rotating: the key, shown this once and never again.</summary>
public sealed class IssuedKey
{
    public required ClientView Client { get; init; }
    public required string Key { get; init; }
}
