using AssistanceApi.Domain;
using AssistanceApi.Persistence;
using AssistanceApi.Treaty;
using Mediator;

namespace AssistanceApi.Features.Requests.Resume;

public sealed record ResumeCommand(ActionTarget Target) : ICommand<RequestResource>, IWriteCommand;

public sealed class Handler(Transitions transitions) : ICommandHandler<ResumeCommand, RequestResource>
{
    public async ValueTask<RequestResource> Handle(ResumeCommand command, CancellationToken ct)
    {
        var row = await transitions.LoadAsync(command.Target, "resume");
        return await transitions.ApplyAsync(row, command.Target, "resume", RequestStatus.InExecution, row.ProgressValue);
    }
}
