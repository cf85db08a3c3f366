using AssistanceApi.Domain;
using AssistanceApi.Persistence;
using AssistanceApi.Treaty;
using Mediator;

namespace AssistanceApi.Features.Requests.Release;

public sealed record ReleaseCommand(ActionTarget Target, string Reason) : ICommand<RequestResource>, IWriteCommand;

public sealed class Handler(Transitions transitions) : ICommandHandler<ReleaseCommand, RequestResource>
{
    public async ValueTask<RequestResource> Handle(ReleaseCommand command, CancellationToken ct)
    {
        var row = await transitions.LoadAsync(command.Target, "release");
        var progress = row.ProgressValue;
        progress.Release = new ReleaseNote { Reason = command.Reason, ByState = command.Target.Caller.State!, ReleasedAt = transitions.Now };
        return await transitions.ApplyAsync(row, command.Target, "release", RequestStatus.Released, progress, new { reason = command.Reason });
    }
}
