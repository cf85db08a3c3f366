using AssistanceApi.Domain;
using AssistanceApi.Persistence;
using Mediator;

namespace AssistanceApi.Features.Requests.Resume;

public sealed record ResumeCommand(ActionTarget Target) : ICommand<RequestReply>, IWriteCommand;

public sealed class Handler(RequestStore store) : ICommandHandler<ResumeCommand, RequestReply>
{
    public async ValueTask<RequestReply> Handle(ResumeCommand command, CancellationToken ct)
    {
        var stored = await store.LoadAsync(command.Target, Lifecycle.Resume);
        return await store.SaveAsync(stored, stored.Request.Resume(stored.Context));
    }
}
