using AssistanceApi.Audit;
using AssistanceApi.Auth;
using AssistanceApi.Persistence;
using AssistanceApi.Features.Requests;
using Mediator;

namespace AssistanceApi.Features.Documents.Content;

/// <summary>
/// A download: the document, and its custody entry (who, when, which bytes) committed before a byte is sent, so no
/// copy leaves without being recorded. A Range nobody can satisfy records nothing. With an If-Range, the Range is
/// served only when it names this document's entity tag (RFC 9110 13.1.5); any other tag, or a date (no Last-Modified
/// is sent), gets the whole document.
/// </summary>
public sealed record RecordDownloadCommand(Caller Caller, Guid RequestId, Guid DocumentId, string? Range, string? IfRange = null)
    : ICommand<Download>, IWriteCommand;

public sealed record Download(DocumentRecord Document, ByteRange Range);

public sealed class Handler(UnitOfWork unit, TimeProvider clock, Database database, ChainKeys keys) : ICommandHandler<RecordDownloadCommand, Download>
{
    public async ValueTask<Download> Handle(RecordDownloadCommand command, CancellationToken ct)
    {
        var now = clock.Now();
        await DocumentAccess.VisibleRequestAsync(unit.Connection, command.RequestId, command.Caller, now, unit.Transaction);
        var document = await DocumentRecord.LoadAsync(unit.Connection, command.RequestId, command.DocumentId, unit.Transaction);
        var rangeHolds = string.IsNullOrEmpty(command.IfRange) || command.IfRange.Trim() == $"\"{document.Sha256}\"";
        var range = ByteRange.Resolve(rangeHolds ? command.Range : null, document.Size);
        if (range is Unsatisfiable) return new Download(document, range);
        object details = range is Part part
            ? new { sha256 = document.Sha256, size = document.Size, range = $"bytes {part.From}-{part.To}/{part.Size}" }
            : new { sha256 = document.Sha256, size = document.Size };
        await CustodyLog.AppendAsync(unit.Connection, unit.Transaction, database.Dialect, document.Id, CustodyLog.Downloaded, command.Caller, details, now, keys);
        return new Download(document, range);
    }
}
