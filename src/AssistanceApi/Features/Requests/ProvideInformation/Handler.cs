using AssistanceApi.Http;
using AssistanceApi.Persistence;
using AssistanceApi.Treaty;
using Mediator;

namespace AssistanceApi.Features.Requests.ProvideInformation;

public sealed record ProvideInformationCommand(ActionTarget Target, ProvideInformationBody Body) : ICommand<RequestResource>, IWriteCommand;

public sealed class Handler(Transitions transitions, ProvisionCatalogue catalogue) : ICommandHandler<ProvideInformationCommand, RequestResource>
{
    private const string Provision = Citations.AdditionalInformation;

    public async ValueTask<RequestResource> Handle(ProvideInformationCommand command, CancellationToken ct)
    {
        var row = await transitions.LoadAsync(command.Target, "provide-information");
        var answers = command.Body.Answers ?? [];
        if (answers.Count == 0)
            throw Problems.TreatyBreach(catalogue, Provision, "answers", "answer the requested State's questions.", "Give at least one answer.");

        var progress = row.ProgressValue;
        var open = progress.InformationRequests[^1];
        open.Answers = answers;
        open.AnsweredAt = transitions.Now;
        return await transitions.ApplyAsync(row, command.Target, "provide-information", open.ReturnTo, progress, new { answers });
    }
}
