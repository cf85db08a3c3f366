using AssistanceApi.Domain;

namespace AssistanceApi.Features.Requests.StartExecution;

public sealed class Endpoint(IMediator mediator) : ActionEndpoint<FastEndpoints.EmptyRequest>(mediator)
{
    protected override LifecycleAction Action => Lifecycle.StartExecution;
    protected override string Title => "Start executing (requested State)";
    protected override string Explanation =>
        "The requested State executes the request under its domestic law and, where possible, the procedures asked for (Art. 40(17)). No body.";

    protected override Mediator.ICommand<RequestReply> Command(ActionTarget target, FastEndpoints.EmptyRequest body) => new StartExecutionCommand(target);
}
