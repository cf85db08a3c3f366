using AssistanceApi.Domain;
using AssistanceApi.Persistence;
using Mediator;

namespace AssistanceApi.Features.Requests.DeclineConditions;

public sealed record DeclineConditionsCommand(ActionTarget Target, ConditionsAnswerBody Body) : ICommand<RequestReply>, IWriteCommand;

public sealed class Handler(RequestStore store) : ICommandHandler<DeclineConditionsCommand, RequestReply>
{
    public async ValueTask<RequestReply> Handle(DeclineConditionsCommand command, CancellationToken ct)
    {
        var stored = await store.LoadAsync(command.Target, Lifecycle.DeclineConditions);
        return await store.SaveAsync(stored, stored.Request.DeclineConditions(stored.Context, command.Body.Comment));
    }
}
