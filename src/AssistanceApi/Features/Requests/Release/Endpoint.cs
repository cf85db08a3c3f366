using AssistanceApi.Domain;

namespace AssistanceApi.Features.Requests.Release;

public sealed class Endpoint(IMediator mediator) : ActionEndpoint<ReasonBody>(mediator)
{
    protected override LifecycleAction Action => Lifecycle.Release;
    protected override string Title => "Release preserved data (either State)";
    protected override string Explanation => "Ends a preservation before it expires, with a reason (e.g. the data is no longer needed).";

    protected override ReasonBody Example => new() { Reason = "The follow-up request was refused; the preserved data is no longer needed." };

    protected override Mediator.ICommand<RequestReply> Command(ActionTarget target, ReasonBody body) => new ReleaseCommand(target, body);
}
