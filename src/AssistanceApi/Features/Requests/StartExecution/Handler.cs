using AssistanceApi.Domain;
using AssistanceApi.Persistence;
using Mediator;

namespace AssistanceApi.Features.Requests.StartExecution;

public sealed record StartExecutionCommand(ActionTarget Target) : ICommand<RequestReply>, IWriteCommand;

public sealed class Handler(RequestStore store) : ICommandHandler<StartExecutionCommand, RequestReply>
{
    public async ValueTask<RequestReply> Handle(StartExecutionCommand command, CancellationToken ct)
    {
        var stored = await store.LoadAsync(command.Target, Lifecycle.StartExecution);
        return await store.SaveAsync(stored, stored.Request.StartExecution(stored.Context));
    }
}
