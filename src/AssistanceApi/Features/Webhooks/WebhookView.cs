using System.Text.Json;
using System.Text.Json.Serialization;

namespace AssistanceApi.Features.Webhooks;

/// <summary>A webhook subscription as its owners see it: never its secret.</summary>
public sealed class WebhookView
{
    public Guid Id { get; init; }
    public string Url { get; init; } = "";

    /// <summary>The event types delivered; null for every type the owner may see.</summary>
    public IReadOnlyList<string>? Types { get; init; }

    public string? Description { get; init; }

    /// <summary>The State and role that own it: every client of that State and role may manage it.</summary>
    public string State { get; init; } = "";

    public string Role { get; init; } = "";
    public Guid CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Set when the last retry of a delivery failed: nothing is delivered until a delivery is retried by hand.</summary>
    public DateTimeOffset? DisabledAt { get; init; }

    public string? DisabledReason { get; init; }

    /// <summary>Read from the stored column (a JSON array or null); never on the wire.</summary>
    [JsonIgnore]
    public string? TypesJson
    {
        init => Types = value is null ? null : JsonSerializer.Deserialize<List<string>>(value);
    }

    public const string Columns =
        "id AS Id, url AS Url, types AS TypesJson, description AS Description, owner_state AS State, owner_role AS Role, " +
        "owner_client_id AS CreatedBy, created_at AS CreatedAt, disabled_at AS DisabledAt, disabled_reason AS DisabledReason";

    public static string? TypesToJson(IReadOnlyList<string>? types) => types is null ? null : JsonSerializer.Serialize(types);
}

/// <summary>
/// The answer to creating a subscription or rotating its secret: the secret, shown this once. A replay of the call
/// (same Idempotency-Key) returns the subscription without it and with secretShownOnce: true; the idempotency store
/// never holds it.
/// </summary>
public sealed class IssuedSecret : Idempotency.IHoldsSecret
{
    public required WebhookView Webhook { get; init; }

    /// <summary>whsec_ and the base64 of 32 bytes: the Standard Webhooks signing secret, in this response only.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Secret { get; init; }

    /// <summary>
    /// After a rotation: until when the secret replaced still signs each delivery beside the new one (absent when
    /// Webhooks:RotationOverlapHours is 0, and on a create).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? PreviousSecretSignsUntil { get; init; }

    /// <summary>true in a replay: the secret was in the first response only.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? SecretShownOnce { get; init; }

    public object WithoutSecret() => new IssuedSecret { Webhook = Webhook, PreviousSecretSignsUntil = PreviousSecretSignsUntil, SecretShownOnce = true };
}
