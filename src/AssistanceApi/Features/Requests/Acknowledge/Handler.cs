using System.Text.Json;
using AssistanceApi.Domain;
using AssistanceApi.Http;
using AssistanceApi.Persistence;
using AssistanceApi.Treaty;
using Mediator;

namespace AssistanceApi.Features.Requests.Acknowledge;

public sealed record AcknowledgeCommand(ActionTarget Target, AcknowledgeBody Body) : ICommand<RequestResource>, IWriteCommand;

public sealed class Handler(Transitions transitions, ProvisionCatalogue catalogue) : ICommandHandler<AcknowledgeCommand, RequestResource>
{
    private const string ConfidentialityProvision = Citations.Confidentiality;

    public async ValueTask<RequestResource> Handle(AcknowledgeCommand command, CancellationToken ct)
    {
        var row = await transitions.LoadAsync(command.Target, "acknowledge");
        var confidential = JsonSerializer.Deserialize<RequestContent>(row.Content, JsonDefaults.Options)!.Confidential == true;
        var answer = command.Body.Confidentiality;
        if (confidential && answer is null)
            throw Problems.TreatyBreach(catalogue, ConfidentialityProvision, "confidentiality",
                "say whether the request can be kept confidential: can-comply or cannot-comply.",
                "A confidential request is acknowledged with an answer on confidentiality.");
        if (!confidential && answer is not null)
            throw Problems.BadRequest("The request did not ask for confidentiality.",
                new ProblemError("confidentiality", "only for a request with confidential: true", "not-applicable"));

        var progress = row.ProgressValue;
        progress.RequestedReference = command.Body.RequestedReference;
        progress.Confidentiality = answer;
        return await transitions.ApplyAsync(row, command.Target, "acknowledge", RequestStatus.Acknowledged, progress,
            new { requestedReference = command.Body.RequestedReference, confidentiality = answer });
    }
}
