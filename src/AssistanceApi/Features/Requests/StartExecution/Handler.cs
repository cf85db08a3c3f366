using AssistanceApi.Domain;
using AssistanceApi.Persistence;
using AssistanceApi.Treaty;
using Mediator;

namespace AssistanceApi.Features.Requests.StartExecution;

public sealed record StartExecutionCommand(ActionTarget Target) : ICommand<RequestResource>, IWriteCommand;

public sealed class Handler(Transitions transitions) : ICommandHandler<StartExecutionCommand, RequestResource>
{
    public async ValueTask<RequestResource> Handle(StartExecutionCommand command, CancellationToken ct)
    {
        var row = await transitions.LoadAsync(command.Target, "start-execution");
        return await transitions.ApplyAsync(row, command.Target, "start-execution", RequestStatus.InExecution, row.ProgressValue);
    }
}
