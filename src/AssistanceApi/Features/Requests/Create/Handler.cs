using AssistanceApi.Audit;
using AssistanceApi.Auth;
using AssistanceApi.Domain.Events;
using AssistanceApi.Events;
using AssistanceApi.Persistence;
using AssistanceApi.Telemetry;
using Dapper;
using Mediator;

namespace AssistanceApi.Features.Requests.Create;

/// <summary>A draft prepared by <see cref="Drafting"/>: the row to insert, the start of its audit chain and the response.</summary>
public sealed record CreateRequestCommand(RequestRecord Row, Guid? RelatedRequestId, ChainStart Chain, RequestResource Response, Caller Caller)
    : ICommand<RequestResource>, IWriteCommand;

public sealed class Handler(UnitOfWork unit, AuditTrail audit, EventOutbox events) : ICommandHandler<CreateRequestCommand, RequestResource>
{
    public async ValueTask<RequestResource> Handle(CreateRequestCommand command, CancellationToken ct)
    {
        var row = command.Row;
        await unit.Connection.ExecuteAsync(
            """
            INSERT INTO requests (id, requesting_state, requested_state, kind, status, version, emergency, related_request_id, created_by, created_at, updated_at, content, progress,
                                  chain_length, chain_tip, chain_seal)
            VALUES (@Id, @RequestingState, @RequestedState, @Kind, @Status, @Version, @Emergency, @RelatedRequestId, @CreatedBy, @CreatedAt, @UpdatedAt, @Content, @Progress,
                    1, @tip, @seal)
            """,
            new
            {
                row.Id, row.RequestingState, row.RequestedState, row.Kind, row.Status, row.Version, row.Emergency,
                command.RelatedRequestId, row.CreatedBy, row.CreatedAt, row.UpdatedAt, row.Content, row.Progress,
                tip = command.Chain.FirstEvent.Hash, seal = command.Chain.Seal,
            },
            unit.Transaction);
        audit.Append(command.Chain.FirstEvent);
        events.Add(RequestEvents.Of(EventTypes.RequestDrafted, row, command.Caller, row.CreatedAt));
        AssistanceMetrics.Transition(row.Kind, AssistanceMetrics.NoStatus, row.Status);
        return command.Response;
    }
}
