using AssistanceApi.Domain;

namespace AssistanceApi.Features.Requests.Extend;

public sealed class Endpoint(IMediator mediator) : ActionEndpoint<PreservationPeriodBody>(mediator)
{
    protected override LifecycleAction Action => Lifecycle.Extend;
    protected override string Title => "Extend a preservation (requesting State)";
    protected override string Explanation => "Asks for the data to stay preserved until a later preservedUntil (Art. 42(7)).";

    protected override PreservationPeriodBody Example => new() { PreservedUntil = new DateOnly(2027, 5, 31) };

    protected override Mediator.ICommand<RequestReply> Command(ActionTarget target, PreservationPeriodBody body) =>
        new ExtendCommand(target, body);
}
