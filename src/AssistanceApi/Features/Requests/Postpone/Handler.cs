using AssistanceApi.Domain;
using AssistanceApi.Persistence;
using Mediator;

namespace AssistanceApi.Features.Requests.Postpone;

public sealed record PostponeCommand(ActionTarget Target, PostponeBody Body) : ICommand<RequestReply>, IWriteCommand;

public sealed class Handler(RequestStore store) : ICommandHandler<PostponeCommand, RequestReply>
{
    public async ValueTask<RequestReply> Handle(PostponeCommand command, CancellationToken ct)
    {
        var stored = await store.LoadAsync(command.Target, Lifecycle.Postpone);
        return await store.SaveAsync(stored, stored.Request.Postpone(stored.Context, command.Body.Reasons, command.Body.Until));
    }
}
