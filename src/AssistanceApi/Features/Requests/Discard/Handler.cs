using AssistanceApi.Domain;
using AssistanceApi.Persistence;
using Mediator;

namespace AssistanceApi.Features.Requests.Discard;

public sealed record DiscardRequestCommand(ActionTarget Target) : ICommand, IWriteCommand;

public sealed class Handler(RequestStore store) : ICommandHandler<DiscardRequestCommand>
{
    public async ValueTask<Unit> Handle(DiscardRequestCommand command, CancellationToken ct)
    {
        var stored = await store.LoadAsync(command.Target, Lifecycle.Discard);
        await store.WriteAsync(stored, stored.Request.Discard(stored.Context));
        return Unit.Value;
    }
}
