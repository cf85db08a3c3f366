using AssistanceApi.Domain;
using AssistanceApi.Http;
using AssistanceApi.Persistence;
using AssistanceApi.Treaty;
using Mediator;

namespace AssistanceApi.Features.Requests.RequestInformation;

public sealed record RequestInformationCommand(ActionTarget Target, RequestInformationBody Body) : ICommand<RequestResource>, IWriteCommand;

public sealed class Handler(Transitions transitions, ProvisionCatalogue catalogue) : ICommandHandler<RequestInformationCommand, RequestResource>
{
    private const string Provision = Citations.AdditionalInformation;

    public async ValueTask<RequestResource> Handle(RequestInformationCommand command, CancellationToken ct)
    {
        var row = await transitions.LoadAsync(command.Target, "request-information");
        var questions = command.Body.Questions ?? [];
        if (questions.Count == 0)
            throw Problems.TreatyBreach(catalogue, Provision, "questions",
                "state the additional information needed to execute the request.", "Ask at least one question.");

        var progress = row.ProgressValue;
        progress.InformationRequests.Add(new InformationRequest { Questions = questions, AskedAt = transitions.Now, ReturnTo = row.StatusValue });
        return await transitions.ApplyAsync(row, command.Target, "request-information", RequestStatus.InformationRequested, progress,
            new { questions });
    }
}
