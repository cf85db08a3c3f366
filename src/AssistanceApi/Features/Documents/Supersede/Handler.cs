using AssistanceApi.Audit;
using AssistanceApi.Auth;
using AssistanceApi.Domain.Documents;
using AssistanceApi.Domain.Events;
using AssistanceApi.Events;
using AssistanceApi.Features.Requests;
using AssistanceApi.Http;
using AssistanceApi.Persistence;
using Dapper;
using Mediator;

namespace AssistanceApi.Features.Documents.Supersede;

public sealed record SupersedeDocumentCommand(Caller Caller, Guid RequestId, Guid DocumentId, string Reason) : ICommand<DocumentView>, IWriteCommand;

public sealed class Handler(UnitOfWork unit, AuditTrail audit, EventOutbox events, TimeProvider clock, RequestPresenter presenter, Database database, ChainKeys keys)
    : ICommandHandler<SupersedeDocumentCommand, DocumentView>
{
    public async ValueTask<DocumentView> Handle(SupersedeDocumentCommand command, CancellationToken ct)
    {
        var caller = command.Caller;
        var now = clock.Now();
        var row = await DocumentAccess.VisibleRequestAsync(unit.Connection, command.RequestId, caller, now, unit.Transaction);
        await audit.BeforeChangeAsync(row.Id);
        var document = await DocumentRecord.LoadAsync(unit.Connection, row.Id, command.DocumentId, unit.Transaction);
        DocumentAccess.EnsureMay(DocumentPolicy.MaySupersede(document.PurposeValue, row.SideOf(caller), row.StatusValue), row, caller, now, presenter, "supersede");
        if (document.AddedByState != caller.State)
            throw Problems.Forbidden("not-your-document", "docId", "Only the State that added a document may mark it superseded.");
        if (document.SupersededAt is not null)
            throw Problems.Conflict("already-superseded", "The document is already superseded.", presenter.Present(row, caller, now).AllowedActions);

        await unit.Connection.ExecuteAsync(
            "UPDATE documents SET superseded_at = @now, superseded_by_state = @state, superseded_reason = @reason WHERE id = @id",
            new { now, state = caller.State, reason = command.Reason, id = document.Id }, unit.Transaction);
        await CustodyLog.AppendAsync(unit.Connection, unit.Transaction, database.Dialect, document.Id, CustodyLog.Superseded, caller,
            new { sha256 = document.Sha256, reason = command.Reason }, now, keys);
        audit.Record(row.Id, "document-superseded", caller, row.Status, row.Status,
            new { documentId = document.Id, sha256 = document.Sha256, reason = command.Reason }, at: now);
        events.Add(RequestEvents.Of(EventTypes.DocumentSuperseded, row, caller, now, new { documentId = document.Id, purpose = document.Purpose }));
        return (await DocumentRecord.LoadAsync(unit.Connection, row.Id, document.Id, unit.Transaction)).ToView();
    }
}
