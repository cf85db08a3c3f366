using AssistanceApi.Domain;
using AssistanceApi.Persistence;
using Mediator;

namespace AssistanceApi.Features.Requests.Refuse;

public sealed record RefuseCommand(ActionTarget Target, RefuseBody Body) : ICommand<RequestReply>, IWriteCommand;

public sealed class Handler(RequestStore store) : ICommandHandler<RefuseCommand, RequestReply>
{
    public async ValueTask<RequestReply> Handle(RefuseCommand command, CancellationToken ct)
    {
        var stored = await store.LoadAsync(command.Target, Lifecycle.Refuse);
        return await store.SaveAsync(stored, stored.Request.Refuse(stored.Context, command.Body.Grounds ?? [], command.Body.Reasons));
    }
}
