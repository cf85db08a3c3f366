using System.Text.Json;
using AssistanceApi.Audit;
using AssistanceApi.Auth;
using AssistanceApi.Host;
using AssistanceApi.Persistence;
using AssistanceApi.Treaty;
using Dapper;
using Mediator;

namespace AssistanceApi.Features.Requests.Create;

public sealed record CreateRequestCommand(Caller Caller, RequestContent Content) : ICommand<RequestResource>, IWriteCommand;

public sealed class Handler(UnitOfWork unit, AuditTrail audit, TimeProvider clock, ProvisionCatalogue catalogue, RequestPresenter presenter)
    : ICommandHandler<CreateRequestCommand, RequestResource>
{
    public async ValueTask<RequestResource> Handle(CreateRequestCommand command, CancellationToken ct)
    {
        var (caller, content) = command;
        RequestRules.EnsureMayDraft(caller, content, catalogue);

        content.LegalBasis ??= LegalBasis.Convention;
        var now = clock.Now();
        var id = Ids.Next(now);
        await unit.Connection.ExecuteAsync(
            """
            INSERT INTO requests (id, requesting_state, requested_state, kind, status, version, emergency, related_request_id, created_by, created_at, updated_at, content)
            VALUES (@id, @requestingState, @requestedState, @kind, 'draft', 1, @emergency, @related, @createdBy, @now, @now, @content)
            """,
            new
            {
                id, requestingState = caller.State, requestedState = content.RequestedState, kind = WireName.Of(content.Kind!.Value),
                emergency = content.Emergency == true, related = content.RelatedRequestId, createdBy = caller.ClientId, now,
                content = JsonSerializer.Serialize(content, JsonDefaults.Options),
            },
            unit.Transaction);
        audit.Record(id, "create", caller, null, WireName.Of(RequestStatus.Draft));

        var row = await RequestRecord.LoadVisibleAsync(unit.Connection, id, caller, presenter.Now, unit.Transaction);
        return presenter.Present(row, caller);
    }
}
