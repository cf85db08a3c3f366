using AssistanceApi.Domain;
using AssistanceApi.Persistence;
using Mediator;

namespace AssistanceApi.Features.Requests.ProvideInformation;

public sealed record ProvideInformationCommand(ActionTarget Target, ProvideInformationBody Body) : ICommand<RequestReply>, IWriteCommand;

public sealed class Handler(RequestStore store) : ICommandHandler<ProvideInformationCommand, RequestReply>
{
    public async ValueTask<RequestReply> Handle(ProvideInformationCommand command, CancellationToken ct)
    {
        var stored = await store.LoadAsync(command.Target, Lifecycle.ProvideInformation);
        return await store.SaveAsync(stored, stored.Request.ProvideInformation(stored.Context, command.Body.Answers ?? []));
    }
}
