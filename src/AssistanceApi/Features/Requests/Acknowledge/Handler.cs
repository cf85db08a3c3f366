using AssistanceApi.Domain;
using AssistanceApi.Persistence;
using Mediator;

namespace AssistanceApi.Features.Requests.Acknowledge;

public sealed record AcknowledgeCommand(ActionTarget Target, AcknowledgeBody Body) : ICommand<RequestReply>, IWriteCommand;

public sealed class Handler(RequestStore store) : ICommandHandler<AcknowledgeCommand, RequestReply>
{
    public async ValueTask<RequestReply> Handle(AcknowledgeCommand command, CancellationToken ct)
    {
        var stored = await store.LoadAsync(command.Target, Lifecycle.Acknowledge);
        return await store.SaveAsync(stored,
            stored.Request.Acknowledge(stored.Context, command.Body.RequestedReference, command.Body.Confidentiality));
    }
}
