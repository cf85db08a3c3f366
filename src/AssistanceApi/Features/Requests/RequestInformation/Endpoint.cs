using AssistanceApi.Domain;

namespace AssistanceApi.Features.Requests.RequestInformation;

public sealed class Endpoint(IMediator mediator) : ActionEndpoint<RequestInformationBody>(mediator)
{
    protected override LifecycleAction Action => Lifecycle.RequestInformation;
    protected override string Title => "Ask for additional information (requested State)";
    protected override string Explanation =>
        "The requested State asks questions it needs answered to execute the request (Art. 40(16)). The request " +
        "returns to its previous status when the requesting State answers.";

    protected override RequestInformationBody Example => new() { Questions = ["Which time zone do the dates of the requested period refer to?"] };

    protected override Mediator.ICommand<RequestReply> Command(ActionTarget target, RequestInformationBody body) => new RequestInformationCommand(target, body);
}
