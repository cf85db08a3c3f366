using AssistanceApi.Domain;
using AssistanceApi.Persistence;
using Mediator;

namespace AssistanceApi.Features.Requests.Submit;

public sealed record SubmitRequestCommand(ActionTarget Target) : ICommand<RequestReply>, IWriteCommand;

public sealed class Handler(RequestStore store, TreatyCheck check, UnitOfWork unit) : ICommandHandler<SubmitRequestCommand, RequestReply>
{
    public async ValueTask<RequestReply> Handle(SubmitRequestCommand command, CancellationToken ct)
    {
        var stored = await store.LoadAsync(command.Target, Lifecycle.Submit);
        var report = await check.RunAsync(unit.Connection, stored.Caller, stored.Request.Details, store.Now, unit.Transaction, stored.Row.Id);
        var referenceNumber = await store.NextReferenceNumberAsync(stored.Request);
        return await store.SaveAsync(stored, stored.Request.Submit(stored.Context, report.Findings, referenceNumber));
    }
}
