using AssistanceApi.Domain;
using AssistanceApi.Http;
using AssistanceApi.Persistence;
using AssistanceApi.Treaty;
using Mediator;

namespace AssistanceApi.Features.Requests.Complete;

public sealed record CompleteCommand(ActionTarget Target, CompleteBody Body) : ICommand<RequestResource>, IWriteCommand;

public sealed class Handler(Transitions transitions, ProvisionCatalogue catalogue) : ICommandHandler<CompleteCommand, RequestResource>
{
    // Not executing part of a request is refusing that part: reasons are owed (Art. 40(24)).
    private const string Provision = RefusalGrounds.ReasonsProvision;

    public async ValueTask<RequestResource> Handle(CompleteCommand command, CancellationToken ct)
    {
        var row = await transitions.LoadAsync(command.Target, "complete");
        var body = command.Body;
        var partial = body.Outcome == ExecutionOutcome.PartiallyExecuted;
        if (partial && string.IsNullOrWhiteSpace(body.UnexecutedReasons))
            throw Problems.TreatyBreach(catalogue, Provision, "unexecutedReasons",
                "give the reasons why part of the request was not executed.", "A partial execution gives the reasons for what was not executed.");

        var progress = row.ProgressValue;
        progress.Outcome = new Outcome
        {
            Result = body.Outcome!.Value, Summary = body.Summary!, UnexecutedReasons = body.UnexecutedReasons, CompletedAt = transitions.Now,
        };
        return await transitions.ApplyAsync(row, command.Target, "complete",
            partial ? RequestStatus.PartiallyExecuted : RequestStatus.Executed, progress,
            new { outcome = WireName.Of(body.Outcome.Value), summary = body.Summary, unexecutedReasons = body.UnexecutedReasons });
    }
}
