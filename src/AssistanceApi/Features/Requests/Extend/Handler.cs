using AssistanceApi.Domain;
using AssistanceApi.Persistence;
using Mediator;

namespace AssistanceApi.Features.Requests.Extend;

public sealed record ExtendCommand(ActionTarget Target, PreservationPeriodBody Body) : ICommand<RequestReply>, IWriteCommand;

public sealed class Handler(RequestStore store) : ICommandHandler<ExtendCommand, RequestReply>
{
    public async ValueTask<RequestReply> Handle(ExtendCommand command, CancellationToken ct)
    {
        var stored = await store.LoadAsync(command.Target, Lifecycle.Extend);
        return await store.SaveAsync(stored, stored.Request.Extend(stored.Context, command.Body.PreservedUntil!.Value));
    }
}
