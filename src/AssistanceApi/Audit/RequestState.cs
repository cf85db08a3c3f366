using System.Data.Common;
using System.Text.Json;
using AssistanceApi.Persistence;
using Dapper;

namespace AssistanceApi.Audit;

/// <summary>
/// A request row as stored — its content, its progress and the columns the lifecycle sets — and the tip of its chain.
/// Each event records <see cref="Digest"/> of the row as the change left it, so an edit behind the API's back shows.
/// </summary>
public sealed class RequestState
{
    public const string Columns =
        """
        id AS Id, reference AS Reference, requesting_state AS RequestingState, requested_state AS RequestedState, kind AS Kind,
        status AS Status, version AS Version, emergency AS Emergency, related_request_id AS RelatedRequestId, created_by AS CreatedBy,
        created_at AS CreatedAt, updated_at AS UpdatedAt, submitted_at AS SubmittedAt, acknowledge_by AS AcknowledgeBy,
        acknowledged_at AS AcknowledgedAt, closed_at AS ClosedAt, due_at AS DueAt, preserved_until AS PreservedUntil,
        content AS Content, progress AS Progress, chain_length AS ChainLength, chain_tip AS ChainTip, chain_seal AS ChainSeal
        """;

    public Guid Id { get; init; }
    public string? Reference { get; init; }
    public string RequestingState { get; init; } = "";
    public string RequestedState { get; init; } = "";
    public string Kind { get; init; } = "";
    public string Status { get; init; } = "";
    public long Version { get; init; }
    public bool Emergency { get; init; }
    public Guid? RelatedRequestId { get; init; }
    public Guid CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
    public DateTimeOffset? AcknowledgeBy { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public DateTimeOffset? DueAt { get; init; }
    public DateTimeOffset? PreservedUntil { get; init; }
    public string Content { get; init; } = "{}";
    public string Progress { get; init; } = "{}";

    /// <summary>How many events the chain has, by the request row.</summary>
    public long ChainLength { get; init; }

    /// <summary>The hash of the chain's last event, by the request row.</summary>
    public string ChainTip { get; init; } = "";

    /// <summary><see cref="TipSeal"/> signed (<c>keyId:hex</c>): the tip cannot be moved back without the key.</summary>
    public string? ChainSeal { get; init; }

    public static Task<RequestState?> LoadAsync(DbConnection connection, Guid id, DbTransaction? transaction = null) =>
        connection.QuerySingleOrDefaultAsync<RequestState?>($"SELECT {Columns} FROM requests WHERE id = @id", new { id }, transaction);

    /// <summary>
    /// SHA-256 of <c>["id","reference",…,"content","progress"]</c>: every stored column of the request but the chain tip,
    /// timestamps as <see cref="TypeHandlers.Format"/> writes them, content and progress as the stored JSON text.
    /// </summary>
    public string Digest() => AuditHash.Digest(json =>
    {
        json.WriteStringValue("uncc-request-state/1");
        json.WriteStringValue(Id.ToString("D"));
        AuditHash.WriteText(json, Reference);
        json.WriteStringValue(RequestingState);
        json.WriteStringValue(RequestedState);
        json.WriteStringValue(Kind);
        json.WriteStringValue(Status);
        json.WriteNumberValue(Version);
        json.WriteBooleanValue(Emergency);
        AuditHash.WriteText(json, RelatedRequestId?.ToString("D"));
        json.WriteStringValue(CreatedBy.ToString("D"));
        foreach (var at in new[] { CreatedAt, UpdatedAt, SubmittedAt, AcknowledgeBy, AcknowledgedAt, ClosedAt, DueAt, PreservedUntil })
            AuditHash.WriteText(json, at is { } value ? TypeHandlers.Format(value) : null);
        json.WriteStringValue(Content);
        json.WriteStringValue(Progress);
    });

    /// <summary>The bytes the tip seal signs: <c>["uncc-audit-tip/1","id",length,"lastHash"]</c>.</summary>
    public static byte[] TipSeal(Guid id, long length, string lastHash) =>
        JsonSerializer.SerializeToUtf8Bytes(new object[] { "uncc-audit-tip/1", id.ToString("D"), length, lastHash });
}
