using System.Data.Common;
using System.Text.Json;
using AssistanceApi.Auth;
using AssistanceApi.Domain;
using AssistanceApi.Http;
using Dapper;

namespace AssistanceApi.Features.Requests;

/// <summary>A row of the requests table, and the one place that decides who may see it.</summary>
public sealed class RequestRecord
{
    /// <summary>
    /// The columns of a request aliased <c>r</c>, as stored. Kept plain so the hot reads stay cheap to prepare;
    /// <see cref="PreservationClock.ApplyAsync"/> then turns a lapsed preservation into what it is: expired.
    /// </summary>
    public const string Columns =
        """
        r.id AS Id, r.reference AS Reference, r.requesting_state AS RequestingState, r.requested_state AS RequestedState,
        r.kind AS Kind, r.status AS Status, r.version AS Version, r.emergency AS Emergency,
        r.created_by AS CreatedBy, r.created_at AS CreatedAt, r.updated_at AS UpdatedAt, r.submitted_at AS SubmittedAt,
        r.acknowledge_by AS AcknowledgeBy, r.acknowledged_at AS AcknowledgedAt, r.closed_at AS ClosedAt, r.due_at AS DueAt,
        r.preserved_until AS PreservedUntil, r.content AS Content, r.progress AS Progress
        """;

    public Guid Id { get; init; }
    public string? Reference { get; init; }
    public string RequestingState { get; init; } = "";
    public string RequestedState { get; init; } = "";
    public string Kind { get; init; } = "";
    public string Status
    {
        get;
        set
        {
            StoredStatus ??= value;
            field = value;
        }
    } = "";

    /// <summary>The status as stored: reads show a lapsed preservation as expired before its sweep persists it.</summary>
    public string? StoredStatus { get; private set; }
    public long Version { get; init; }
    public bool Emergency { get; init; }
    public Guid CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
    public DateTimeOffset? AcknowledgeBy { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; set; }
    public DateTimeOffset? DueAt { get; init; }
    public DateTimeOffset? PreservedUntil { get; init; }
    public string Content { get; init; } = "{}";
    public string Progress { get; init; } = "{}";

    /// <summary>SQLite's rowid of the row, when the read asked for it (a kept read counts changes by it); else 0.</summary>
    public long RowId { get; init; }

    public RequestProgress ProgressValue => JsonSerializer.Deserialize<RequestProgress>(Progress, JsonDefaults.Options) ?? new RequestProgress();

    /// <summary>The progress column as written: the domain's progress in the API's JSON settings, pinned by a golden test.</summary>
    public static string StoredProgress(RequestProgress progress) => JsonSerializer.Serialize(progress, JsonDefaults.Options);

    public RequestKind KindValue => WireName.Parse<RequestKind>(Kind);
    public RequestStatus StatusValue => WireName.Parse<RequestStatus>(Status);

    public bool IsVisibleTo(Caller caller) => AccessRules.MaySee(caller, RequestingState, RequestedState, KindValue, StatusValue);

    public Side SideOf(Caller caller) => caller.State == RequestingState ? Side.Requesting : Side.Requested;

    /// <summary>Loads a request the caller may see, or answers 404: to anyone else it does not exist.</summary>
    public static async Task<RequestRecord> LoadVisibleAsync(
        DbConnection connection, Guid id, Caller caller, DateTimeOffset now, DbTransaction? transaction = null, bool withRowId = false)
    {
        var row = await FindAsync(connection, id, transaction, withRowId);
        if (row is not null) await PreservationClock.ApplyAsync(connection, [row], now, transaction);
        return row is not null && row.IsVisibleTo(caller)
            ? row
            : throw Problems.NotFound($"No request {id} is visible to this client.");
    }

    /// <summary>The row as the aggregate sees it, with the content read as <paramref name="details"/>.</summary>
    public Request ToRequest(RequestDetails details) => new()
    {
        Id = Id, RequestingState = RequestingState, RequestedState = RequestedState, Kind = KindValue, Status = StatusValue,
        Version = Version, Details = details, Progress = ProgressValue, Reference = Reference, SubmittedAt = SubmittedAt,
        AcknowledgeBy = AcknowledgeBy, AcknowledgedAt = AcknowledgedAt, ClosedAt = ClosedAt, DueAt = DueAt, PreservedUntil = PreservedUntil,
    };

    /// <summary>The row as <paramref name="change"/> leaves it, progress and content as they are stored.</summary>
    public RequestRecord After(RequestChange change, string progress, string content)
    {
        var after = change.After;
        return new RequestRecord
        {
            Id = Id, Reference = after.Reference, RequestingState = RequestingState, RequestedState = after.RequestedState,
            Kind = WireName.Of(after.Kind), Status = WireName.Of(after.Status), Version = after.Version,
            Emergency = change.DetailsChanged ? after.Details.Emergency == true : Emergency, CreatedBy = CreatedBy, CreatedAt = CreatedAt,
            UpdatedAt = change.At, SubmittedAt = after.SubmittedAt, AcknowledgeBy = after.AcknowledgeBy, AcknowledgedAt = after.AcknowledgedAt,
            ClosedAt = after.ClosedAt, DueAt = after.DueAt, PreservedUntil = after.PreservedUntil, Content = content, Progress = progress,
        };
    }

    /// <summary>The row as stored, seen by no one in particular: for the API's own changes (expiry).</summary>
    public static Task<RequestRecord?> FindAsync(DbConnection connection, Guid id, DbTransaction? transaction = null, bool withRowId = false) =>
        connection.QuerySingleOrDefaultAsync<RequestRecord?>(withRowId ? FindWithRowId : Find, new { id }, transaction);

    private const string Find = $"SELECT {Columns} FROM requests r WHERE r.id = @id";
    private const string FindWithRowId = $"SELECT r.rowid AS RowId, {Columns} FROM requests r WHERE r.id = @id";

    /// <summary>Honours If-Match: a stale version is refused before anything changes.</summary>
    public void EnsureVersion(long? expected)
    {
        if (expected is { } version && version != Version)
            throw Problems.PreconditionFailed($"The request is at version {Version}, not {version}: GET it again and retry.");
    }
}
