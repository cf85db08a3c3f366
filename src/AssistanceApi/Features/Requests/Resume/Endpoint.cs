using AssistanceApi.Domain;

namespace AssistanceApi.Features.Requests.Resume;

public sealed class Endpoint(IMediator mediator) : ActionEndpoint<FastEndpoints.EmptyRequest>(mediator)
{
    protected override LifecycleAction Action => Lifecycle.Resume;
    protected override string Title => "Resume a postponed execution (requested State)";
    protected override string Explanation => "Ends the postponement (Art. 40(26)); execution continues. No body.";

    protected override Mediator.ICommand<RequestReply> Command(ActionTarget target, FastEndpoints.EmptyRequest body) => new ResumeCommand(target);
}
