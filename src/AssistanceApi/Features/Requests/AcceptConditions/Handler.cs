using AssistanceApi.Domain;
using AssistanceApi.Persistence;
using Mediator;

namespace AssistanceApi.Features.Requests.AcceptConditions;

public sealed record AcceptConditionsCommand(ActionTarget Target, ConditionsAnswerBody Body) : ICommand<RequestReply>, IWriteCommand;

public sealed class Handler(RequestStore store) : ICommandHandler<AcceptConditionsCommand, RequestReply>
{
    public async ValueTask<RequestReply> Handle(AcceptConditionsCommand command, CancellationToken ct)
    {
        var stored = await store.LoadAsync(command.Target, Lifecycle.AcceptConditions);
        return await store.SaveAsync(stored, stored.Request.AcceptConditions(stored.Context, command.Body.Comment));
    }
}
