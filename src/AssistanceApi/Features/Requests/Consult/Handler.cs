using AssistanceApi.Domain;
using AssistanceApi.Persistence;
using AssistanceApi.Treaty;
using Mediator;

namespace AssistanceApi.Features.Requests.Consult;

public sealed record ConsultCommand(ActionTarget Target, ConsultBody Body) : ICommand<RequestResource>, IWriteCommand;

public sealed class Handler(Transitions transitions) : ICommandHandler<ConsultCommand, RequestResource>
{
    public async ValueTask<RequestResource> Handle(ConsultCommand command, CancellationToken ct)
    {
        var row = await transitions.LoadAsync(command.Target, "consult");
        var body = command.Body;
        var progress = row.ProgressValue;
        progress.Consultation = new Consultation
        {
            Intent = body.Intent!.Value, ProposedConditions = body.ProposedConditions!, Reasons = body.Reasons, OpenedAt = transitions.Now,
        };
        return await transitions.ApplyAsync(row, command.Target, "consult", RequestStatus.Consultation, progress,
            new { intent = body.Intent, proposedConditions = body.ProposedConditions, reasons = body.Reasons });
    }
}
