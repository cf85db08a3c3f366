using AssistanceApi.Domain;
using AssistanceApi.Persistence;
using Mediator;

namespace AssistanceApi.Features.Requests.Preserve;

public sealed record PreserveCommand(ActionTarget Target, PreservationPeriodBody Body) : ICommand<RequestReply>, IWriteCommand;

public sealed class Handler(RequestStore store) : ICommandHandler<PreserveCommand, RequestReply>
{
    public async ValueTask<RequestReply> Handle(PreserveCommand command, CancellationToken ct)
    {
        var stored = await store.LoadAsync(command.Target, Lifecycle.Preserve);
        return await store.SaveAsync(stored, stored.Request.Preserve(stored.Context, command.Body.PreservedUntil!.Value));
    }
}
