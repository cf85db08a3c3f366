using AssistanceApi.Domain;
using AssistanceApi.Persistence;
using Mediator;

namespace AssistanceApi.Features.Requests.Complete;

public sealed record CompleteCommand(ActionTarget Target, CompleteBody Body) : ICommand<RequestResource>, IWriteCommand;

public sealed class Handler(RequestStore store) : ICommandHandler<CompleteCommand, RequestResource>
{
    public async ValueTask<RequestResource> Handle(CompleteCommand command, CancellationToken ct)
    {
        var stored = await store.LoadAsync(command.Target, Lifecycle.Complete);
        var body = command.Body;
        return await store.SaveAsync(stored, stored.Request.Complete(stored.Context, body.Outcome!.Value, body.Summary!, body.UnexecutedReasons));
    }
}
