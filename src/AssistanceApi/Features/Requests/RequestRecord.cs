using System.Data.Common;
using System.Text.Json;
using AssistanceApi.Auth;
using AssistanceApi.Host;
using AssistanceApi.Treaty;
using Dapper;

namespace AssistanceApi.Features.Requests;

/// <summary>A row of the requests table, and the one place that decides who may see it.</summary>
public sealed class RequestRecord
{
    public const string Columns =
        """
        id AS Id, reference AS Reference, requesting_state AS RequestingState, requested_state AS RequestedState,
        kind AS Kind, status AS Status, version AS Version, created_by AS CreatedBy, created_at AS CreatedAt,
        updated_at AS UpdatedAt, submitted_at AS SubmittedAt, acknowledged_at AS AcknowledgedAt, closed_at AS ClosedAt,
        due_at AS DueAt, preserved_until AS PreservedUntil, content AS Content, progress AS Progress
        """;

    public Guid Id { get; init; }
    public string? Reference { get; init; }
    public string RequestingState { get; init; } = "";
    public string RequestedState { get; init; } = "";
    public string Kind { get; init; } = "";
    public string Status { get; init; } = "";
    public long Version { get; init; }
    public Guid CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public DateTimeOffset? DueAt { get; init; }
    public DateTimeOffset? PreservedUntil { get; init; }
    public string Content { get; init; } = "{}";
    public string Progress { get; init; } = "{}";

    public RequestProgress ProgressValue => JsonSerializer.Deserialize<RequestProgress>(Progress, JsonDefaults.Options) ?? new RequestProgress();

    public RequestKind KindValue => WireName.Parse<RequestKind>(Kind);
    public RequestStatus StatusValue => WireName.Parse<RequestStatus>(Status);

    public bool IsVisibleTo(Caller caller) => AccessRules.MaySee(caller, RequestingState, RequestedState, KindValue, StatusValue);

    public Side SideOf(Caller caller) => caller.State == RequestingState ? Side.Requesting : Side.Requested;

    /// <summary>Loads a request the caller may see, or answers 404: to anyone else it does not exist.</summary>
    public static async Task<RequestRecord> LoadVisibleAsync(DbConnection connection, Guid id, Caller caller, DbTransaction? transaction = null)
    {
        var row = await connection.QuerySingleOrDefaultAsync<RequestRecord>(
            $"SELECT {Columns} FROM requests WHERE id = @id", new { id }, transaction);
        return row is not null && row.IsVisibleTo(caller)
            ? row
            : throw Problems.NotFound($"No request {id} is visible to this client.");
    }

    /// <summary>Honours If-Match: a stale version is refused before anything changes.</summary>
    public void EnsureVersion(long? expected)
    {
        if (expected is { } version && version != Version)
            throw Problems.PreconditionFailed($"The request is at version {Version}, not {version}: GET it again and retry.");
    }
}
