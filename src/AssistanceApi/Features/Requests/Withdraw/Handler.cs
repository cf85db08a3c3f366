using AssistanceApi.Domain;
using AssistanceApi.Persistence;
using AssistanceApi.Treaty;
using Mediator;

namespace AssistanceApi.Features.Requests.Withdraw;

public sealed record WithdrawCommand(ActionTarget Target, ReasonBody Body) : ICommand<RequestResource>, IWriteCommand;

public sealed class Handler(Transitions transitions) : ICommandHandler<WithdrawCommand, RequestResource>
{
    public async ValueTask<RequestResource> Handle(WithdrawCommand command, CancellationToken ct)
    {
        var row = await transitions.LoadAsync(command.Target, "withdraw");
        var progress = row.ProgressValue;
        progress.Withdrawal = new Withdrawal { Reason = command.Body.Reason!, WithdrawnAt = transitions.Now };
        return await transitions.ApplyAsync(row, command.Target, "withdraw", RequestStatus.Withdrawn, progress, new { reason = command.Body.Reason });
    }
}
