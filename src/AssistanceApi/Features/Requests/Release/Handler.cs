using AssistanceApi.Domain;
using AssistanceApi.Persistence;
using Mediator;

namespace AssistanceApi.Features.Requests.Release;

public sealed record ReleaseCommand(ActionTarget Target, ReasonBody Body) : ICommand<RequestReply>, IWriteCommand;

public sealed class Handler(RequestStore store) : ICommandHandler<ReleaseCommand, RequestReply>
{
    public async ValueTask<RequestReply> Handle(ReleaseCommand command, CancellationToken ct)
    {
        var stored = await store.LoadAsync(command.Target, Lifecycle.Release);
        return await store.SaveAsync(stored, stored.Request.Release(stored.Context, command.Body.Reason!));
    }
}
