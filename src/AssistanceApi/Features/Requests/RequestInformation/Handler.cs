using AssistanceApi.Domain;
using AssistanceApi.Persistence;
using Mediator;

namespace AssistanceApi.Features.Requests.RequestInformation;

public sealed record RequestInformationCommand(ActionTarget Target, RequestInformationBody Body) : ICommand<RequestReply>, IWriteCommand;

public sealed class Handler(RequestStore store) : ICommandHandler<RequestInformationCommand, RequestReply>
{
    public async ValueTask<RequestReply> Handle(RequestInformationCommand command, CancellationToken ct)
    {
        var stored = await store.LoadAsync(command.Target, Lifecycle.RequestInformation);
        return await store.SaveAsync(stored, stored.Request.RequestInformation(stored.Context, command.Body.Questions ?? []));
    }
}
