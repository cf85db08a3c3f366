using AssistanceApi.Domain;

namespace AssistanceApi.Features.Requests.Acknowledge;

public sealed class Endpoint(IMediator mediator) : ActionEndpoint<AcknowledgeBody>(mediator)
{
    protected override LifecycleAction Action => Lifecycle.Acknowledge;
    protected override string Title => "Acknowledge receipt (requested State)";
    protected override string Explanation =>
        "The requested State's central authority confirms receipt (Art. 40(13)), optionally with its own reference. " +
        "For a confidential request it must say whether it can keep the request confidential (Art. 40(20)); " +
        "cannot-comply is shown to the requesting State.";

    protected override AcknowledgeBody Example => new() { RequestedReference = "BfJ-2026-0117" };

    protected override Mediator.ICommand<RequestReply> Command(ActionTarget target, AcknowledgeBody body) => new AcknowledgeCommand(target, body);
}
