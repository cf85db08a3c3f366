using AssistanceApi.Domain;

namespace AssistanceApi.Features.Requests.Complete;

public sealed class Endpoint(IMediator mediator) : ActionEndpoint<CompleteBody>(mediator)
{
    protected override LifecycleAction Action => Lifecycle.Complete;
    protected override string Title => "Report execution (requested State)";
    protected override string Explanation =>
        "outcome executed or partially-executed, with a summary; a partial execution gives the reasons for what was not executed (Art. 40(24)). " +
        "evidenceDocumentIds names documents of this request (evidence, execution-record) that the completion returns; " +
        "the example's id stands for one of them.";

    protected override CompleteBody Example => new()
    {
        Outcome = ExecutionOutcome.Executed,
        Summary = "Subscriber and traffic data of the mailbox for February and March 2026 are returned.",
        EvidenceDocumentIds = [Guid.Parse("0196f1a2-7c40-7d5e-9a3b-4f2c8e1d6b70")],
    };

    protected override Mediator.ICommand<RequestReply> Command(ActionTarget target, CompleteBody body) => new CompleteCommand(target, body);
}
