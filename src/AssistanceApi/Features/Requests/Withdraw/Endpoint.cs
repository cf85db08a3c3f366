using AssistanceApi.Domain;

namespace AssistanceApi.Features.Requests.Withdraw;

public sealed class Endpoint(IMediator mediator) : ActionEndpoint<ReasonBody>(mediator)
{
    protected override LifecycleAction Action => Lifecycle.Withdraw;
    protected override string Title => "Withdraw a request (requesting State)";
    protected override string Explanation =>
        "The requesting State says the assistance is no longer required (Art. 40(25)); from any open status after draft.";

    protected override ReasonBody Example => new() { Reason = "The suspect has been identified from other sources; the assistance is no longer required." };

    protected override Mediator.ICommand<RequestReply> Command(ActionTarget target, ReasonBody body) => new WithdrawCommand(target, body);
}
