using AssistanceApi.Audit;
using AssistanceApi.Auth;
using AssistanceApi.DocumentStorage;
using AssistanceApi.Domain;
using AssistanceApi.Domain.Documents;
using AssistanceApi.Domain.Events;
using AssistanceApi.Events;
using AssistanceApi.Features.Requests;
using AssistanceApi.Http;
using AssistanceApi.Persistence;
using Dapper;
using Mediator;

namespace AssistanceApi.Features.Documents.Add;

/// <summary>Before a byte is read: may the caller add this document here, and how many bytes may it bring.</summary>
public sealed record AdmitUploadQuery(Caller Caller, Guid RequestId, DocumentPurpose Purpose) : IQuery<long>;

public sealed class AdmitHandler(Database database, RequestPresenter presenter, DocumentStorageOptions options) : IQueryHandler<AdmitUploadQuery, long>
{
    public async ValueTask<long> Handle(AdmitUploadQuery query, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var now = presenter.Now;
        var row = await DocumentAccess.VisibleRequestAsync(connection, query.RequestId, query.Caller, now);
        DocumentAccess.EnsureMay(DocumentPolicy.MayAdd(query.Purpose, row.SideOf(query.Caller), row.StatusValue), row, query.Caller, now, presenter, "add");
        var room = options.MaxRequestBytes - await DocumentRecord.TotalBytesAsync(connection, row.Id);
        if (room <= 0) throw UploadProblems.RequestFull(options.MaxRequestBytes);
        return Math.Min(room, options.MaxBytes);
    }
}

/// <summary>The bytes are durable in the store; records the document, its first custody entry, its history event and feed event.</summary>
public sealed record AddDocumentCommand(Caller Caller, Guid RequestId, UploadDescription Upload, string Sha256, long Size) : ICommand<DocumentView>, IWriteCommand;

public sealed class Handler(
    UnitOfWork unit, AuditTrail audit, EventOutbox events, TimeProvider clock, RequestPresenter presenter, Database database, ChainKeys keys,
    DocumentStorageOptions options) : ICommandHandler<AddDocumentCommand, DocumentView>
{
    public async ValueTask<DocumentView> Handle(AddDocumentCommand command, CancellationToken ct)
    {
        var (caller, upload) = (command.Caller, command.Upload);
        var now = clock.Now();
        var row = await DocumentAccess.VisibleRequestAsync(unit.Connection, command.RequestId, caller, now, unit.Transaction);
        // Locks the request: the status checked here is the one the document is added in.
        await audit.BeforeChangeAsync(row.Id);
        DocumentAccess.EnsureMay(DocumentPolicy.MayAdd(upload.Purpose, row.SideOf(caller), row.StatusValue), row, caller, now, presenter, "add");
        if (await DocumentRecord.TotalBytesAsync(unit.Connection, row.Id, unit.Transaction) + command.Size > options.MaxRequestBytes)
            throw UploadProblems.RequestFull(options.MaxRequestBytes);

        var document = new DocumentRecord
        {
            Id = Ids.Next(now), RequestId = row.Id, Name = upload.Name, MediaType = upload.MediaType, Size = command.Size, Sha256 = command.Sha256,
            Purpose = KebabCase.Of(upload.Purpose), Language = upload.Language, AddedByState = caller.State!, AddedByRole = caller.Role,
            AddedByClient = caller.ClientId, AddedAt = now,
        };
        await unit.Connection.ExecuteAsync(
            """
            INSERT INTO documents (id, request_id, name, media_type, size, sha256, purpose, language, added_by_state, added_by_role, added_by_client, added_at)
            VALUES (@Id, @RequestId, @Name, @MediaType, @Size, @Sha256, @Purpose, @Language, @AddedByState, @AddedByRole, @AddedByClient, @AddedAt)
            """, document, unit.Transaction);

        await CustodyLog.AppendAsync(unit.Connection, unit.Transaction, database.Dialect, document.Id, CustodyLog.Uploaded, caller,
            new { sha256 = document.Sha256, size = document.Size, name = document.Name, mediaType = document.MediaType }, now, keys);
        var announced = new { documentId = document.Id, purpose = document.Purpose, name = document.Name, size = document.Size, sha256 = document.Sha256 };
        audit.Record(row.Id, "document-added", caller, row.Status, row.Status, announced, at: now);
        events.Add(RequestEvents.Of(EventTypes.DocumentAdded, row, caller, now, new { documentId = document.Id, purpose = document.Purpose, sha256 = document.Sha256 }));
        return document.ToView();
    }
}

public static class UploadProblems
{
    public static ApiProblemException TooLarge(long limit) =>
        new(new Problem
        {
            Title = "Content Too Large", Status = 413, Type = Problems.TypeFor("document-too-large"),
            Detail = $"A document may have at most {limit} bytes; reading stopped there and nothing was kept.",
        });

    public static ApiProblemException RequestFull(long limit) =>
        new(new Problem
        {
            Title = "Content Too Large", Status = 413, Type = Problems.TypeFor("request-documents-too-large"),
            Detail = $"The documents of one request may add up to at most {limit} bytes; nothing was kept.",
        });

    public static ApiProblemException NotAllowed(string mediaType) =>
        new(new Problem
        {
            Title = "Unsupported Media Type", Status = 415, Type = Problems.TypeFor("unsupported-media-type"),
            Detail = $"{mediaType} is not a type a document may have here. Allowed: {string.Join(", ", MediaTypes.Allowed)} " +
                     "(application/octet-stream for evidence only).",
        });

    public static ApiProblemException Contradicted(string mediaType) =>
        new(new Problem
        {
            Title = "Unsupported Media Type", Status = 415, Type = Problems.TypeFor("content-not-media-type"),
            Detail = $"The file's content is not {mediaType}, as its Content-Type says: its first bytes are not those of that type. Nothing was kept.",
        });

    public static ApiProblemException DigestMismatch(string expected, string actual) =>
        Problems.Unprocessable("digest-mismatch",
            $"Repr-Digest says sha-256 {expected}, but what arrived has {actual}: the content changed on the way. Nothing was kept.",
            [new ProblemError(ReprDigest.Header, "the SHA-256 of the body as sent", "digest-mismatch")]);
}
