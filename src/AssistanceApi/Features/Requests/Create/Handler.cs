using AssistanceApi.Audit;
using AssistanceApi.Persistence;
using Dapper;
using Mediator;

namespace AssistanceApi.Features.Requests.Create;

/// <summary>A draft prepared by <see cref="Drafting"/>: the row to insert, its first audit event and the response.</summary>
public sealed record CreateRequestCommand(RequestRecord Row, Guid? RelatedRequestId, AuditEvent FirstEvent, RequestResource Response)
    : ICommand<RequestResource>, IWriteCommand;

public sealed class Handler(UnitOfWork unit, AuditTrail audit) : ICommandHandler<CreateRequestCommand, RequestResource>
{
    public async ValueTask<RequestResource> Handle(CreateRequestCommand command, CancellationToken ct)
    {
        var row = command.Row;
        await unit.Connection.ExecuteAsync(
            """
            INSERT INTO requests (id, requesting_state, requested_state, kind, status, version, emergency, related_request_id, created_by, created_at, updated_at, content)
            VALUES (@Id, @RequestingState, @RequestedState, @Kind, @Status, @Version, @Emergency, @RelatedRequestId, @CreatedBy, @CreatedAt, @UpdatedAt, @Content)
            """,
            new
            {
                row.Id, row.RequestingState, row.RequestedState, row.Kind, row.Status, row.Version, row.Emergency,
                command.RelatedRequestId, row.CreatedBy, row.CreatedAt, row.UpdatedAt, row.Content,
            },
            unit.Transaction);
        audit.Append(command.FirstEvent);
        return command.Response;
    }
}
