using AssistanceApi.Domain;

namespace AssistanceApi.Features.Requests.Preserve;

public sealed class Endpoint(IMediator mediator) : ActionEndpoint<PreservationPeriodBody>(mediator)
{
    protected override LifecycleAction Action => Lifecycle.Preserve;
    protected override string Title => "Confirm the data is preserved (requested State)";
    protected override string Explanation =>
        "For an acknowledged expedited-preservation request (Art. 42): the data is preserved until preservedUntil, at " +
        "least 60 days after submission (Art. 42(7)). A follow-up request for mutual legal assistance with " +
        "relatedRequestId pointing here keeps it preserved until that request ends; otherwise it expires.";

    protected override PreservationPeriodBody Example => new() { PreservedUntil = new DateOnly(2027, 2, 28) };

    protected override Mediator.ICommand<RequestReply> Command(ActionTarget target, PreservationPeriodBody body) =>
        new PreserveCommand(target, body);
}
