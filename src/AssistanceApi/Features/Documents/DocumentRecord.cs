using System.Data.Common;
using AssistanceApi.Domain;
using AssistanceApi.Domain.Documents;
using AssistanceApi.Http;
using Dapper;

namespace AssistanceApi.Features.Documents;

/// <summary>A document's metadata row; its bytes are in the content store under <see cref="Sha256"/>.</summary>
public sealed class DocumentRecord
{
    public const string Columns =
        """
        id AS Id, request_id AS RequestId, name AS Name, media_type AS MediaType, size AS Size, sha256 AS Sha256, purpose AS Purpose,
        language AS Language, added_by_state AS AddedByState, added_by_role AS AddedByRole, added_by_client AS AddedByClient,
        added_at AS AddedAt, superseded_at AS SupersededAt, superseded_by_state AS SupersededByState, superseded_reason AS SupersededReason
        """;

    public Guid Id { get; init; }
    public Guid RequestId { get; init; }
    public string Name { get; init; } = "";
    public string MediaType { get; init; } = "";
    public long Size { get; init; }
    public string Sha256 { get; init; } = "";
    public string Purpose { get; init; } = "";
    public string? Language { get; init; }
    public string AddedByState { get; init; } = "";
    public string AddedByRole { get; init; } = "";
    public Guid AddedByClient { get; init; }
    public DateTimeOffset AddedAt { get; init; }
    public DateTimeOffset? SupersededAt { get; init; }
    public string? SupersededByState { get; init; }
    public string? SupersededReason { get; init; }

    public DocumentPurpose PurposeValue => KebabCase.Parse<DocumentPurpose>(Purpose);

    /// <summary>The document of this request with this id; any other is a 404, as if it did not exist.</summary>
    public static async Task<DocumentRecord> LoadAsync(DbConnection connection, Guid requestId, Guid documentId, DbTransaction? transaction = null) =>
        await connection.QuerySingleOrDefaultAsync<DocumentRecord>(
            $"SELECT {Columns} FROM documents WHERE id = @documentId AND request_id = @requestId", new { requestId, documentId }, transaction)
        ?? throw Problems.NotFound("No such document on this request.");

    public static Task<long> TotalBytesAsync(DbConnection connection, Guid requestId, DbTransaction? transaction = null) =>
        connection.ExecuteScalarAsync<long>("SELECT COALESCE(SUM(size), 0) FROM documents WHERE request_id = @requestId", new { requestId }, transaction);

    public DocumentView ToView() => new()
    {
        Id = Id, Name = Name, MediaType = MediaType, Size = Size, Sha256 = Sha256, Purpose = PurposeValue, Language = Language,
        AddedBy = new DocumentActor { State = AddedByState, Role = AddedByRole }, AddedAt = AddedAt,
        Superseded = SupersededAt is { } at ? new Supersession { At = at, ByState = SupersededByState!, Reason = SupersededReason! } : null,
    };
}
