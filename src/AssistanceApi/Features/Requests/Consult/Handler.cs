using AssistanceApi.Domain;
using AssistanceApi.Persistence;
using Mediator;

namespace AssistanceApi.Features.Requests.Consult;

public sealed record ConsultCommand(ActionTarget Target, ConsultBody Body) : ICommand<RequestReply>, IWriteCommand;

public sealed class Handler(RequestStore store) : ICommandHandler<ConsultCommand, RequestReply>
{
    public async ValueTask<RequestReply> Handle(ConsultCommand command, CancellationToken ct)
    {
        var stored = await store.LoadAsync(command.Target, Lifecycle.Consult);
        var body = command.Body;
        return await store.SaveAsync(stored, stored.Request.Consult(stored.Context, body.Intent!.Value, body.ProposedConditions!, body.Reasons));
    }
}
