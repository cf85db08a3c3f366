using AssistanceApi.Domain;
using AssistanceApi.Persistence;
using Mediator;

namespace AssistanceApi.Features.Requests.Preserve;

public sealed record PreserveCommand(ActionTarget Target, PreservationPeriodBody Body) : ICommand<RequestResource>, IWriteCommand;

public sealed class Handler(RequestStore store) : ICommandHandler<PreserveCommand, RequestResource>
{
    public async ValueTask<RequestResource> Handle(PreserveCommand command, CancellationToken ct)
    {
        var stored = await store.LoadAsync(command.Target, Lifecycle.Preserve);
        return await store.SaveAsync(stored, stored.Request.Preserve(stored.Context, command.Body.PreservedUntil!.Value));
    }
}
