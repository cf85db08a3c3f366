using AssistanceApi.Domain;
using AssistanceApi.Http;
using AssistanceApi.Persistence;
using AssistanceApi.Treaty;
using Mediator;

namespace AssistanceApi.Features.Requests.AcceptConditions;

/// <summary>Accepting binds the conditions and resumes execution; declining records the answer and leaves the consultation open.</summary>
public sealed record AnswerConsultationCommand(ActionTarget Target, ConsultationAnswer Answer, string? Comment)
    : ICommand<RequestResource>, IWriteCommand;

public sealed class Handler(Transitions transitions) : ICommandHandler<AnswerConsultationCommand, RequestResource>
{
    public async ValueTask<RequestResource> Handle(AnswerConsultationCommand command, CancellationToken ct)
    {
        var accepted = command.Answer == ConsultationAnswer.Accepted;
        var action = accepted ? "accept-conditions" : "decline-conditions";
        var row = await transitions.LoadAsync(command.Target, action);
        var progress = row.ProgressValue;
        var consultation = progress.Consultation!;
        consultation.Answer = command.Answer;
        consultation.Comment = command.Comment;
        consultation.AnsweredAt = transitions.Now;
        if (accepted) progress.Conditions = consultation.ProposedConditions;
        return await transitions.ApplyAsync(row, command.Target, action,
            accepted ? RequestStatus.InExecution : RequestStatus.Consultation, progress,
            new { answer = WireName.Of(command.Answer), comment = command.Comment });
    }
}
