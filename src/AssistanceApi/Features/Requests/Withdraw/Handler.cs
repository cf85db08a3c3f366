using AssistanceApi.Domain;
using AssistanceApi.Persistence;
using Mediator;

namespace AssistanceApi.Features.Requests.Withdraw;

public sealed record WithdrawCommand(ActionTarget Target, ReasonBody Body) : ICommand<RequestReply>, IWriteCommand;

public sealed class Handler(RequestStore store) : ICommandHandler<WithdrawCommand, RequestReply>
{
    public async ValueTask<RequestReply> Handle(WithdrawCommand command, CancellationToken ct)
    {
        var stored = await store.LoadAsync(command.Target, Lifecycle.Withdraw);
        return await store.SaveAsync(stored, stored.Request.Withdraw(stored.Context, command.Body.Reason!));
    }
}
