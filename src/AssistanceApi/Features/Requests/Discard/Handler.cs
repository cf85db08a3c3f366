using AssistanceApi.Audit;
using AssistanceApi.Auth;
using AssistanceApi.Domain;
using AssistanceApi.Http;
using AssistanceApi.Persistence;
using AssistanceApi.Treaty;
using Dapper;
using Mediator;

namespace AssistanceApi.Features.Requests.Discard;

public sealed record DiscardRequestCommand(Caller Caller, Guid Id, long? ExpectedVersion) : ICommand, IWriteCommand;

public sealed class Handler(UnitOfWork unit, AuditTrail audit, TimeProvider clock, RequestPresenter presenter) : ICommandHandler<DiscardRequestCommand>
{
    public async ValueTask<Unit> Handle(DiscardRequestCommand command, CancellationToken ct)
    {
        var row = await RequestRecord.LoadVisibleAsync(unit.Connection, command.Id, command.Caller, presenter.Now, unit.Transaction);
        RequestRules.EnsureEditableDraft(row, command.Caller, "DELETE", presenter);
        row.EnsureVersion(command.ExpectedVersion);

        await audit.BeforeChangeAsync(row.Id);
        var discarded = WireName.Of(RequestStatus.Discarded);
        var changed = await unit.Connection.ExecuteAsync(
            "UPDATE requests SET status = @discarded, version = version + 1, updated_at = @now, closed_at = @now WHERE id = @id AND version = @version",
            new { id = row.Id, version = row.Version, discarded, now = clock.Now() }, unit.Transaction);
        if (changed == 0) throw Problems.PreconditionFailed("The request changed meanwhile: GET it again and retry.");
        audit.Record(row.Id, "discard", command.Caller, row.Status, discarded);
        return Unit.Value;
    }
}
