using AssistanceApi.Domain;

namespace AssistanceApi.Features.Requests.Complete;

public sealed class Endpoint(IMediator mediator) : ActionEndpoint<CompleteBody>(mediator)
{
    protected override LifecycleAction Action => Lifecycle.Complete;
    protected override string Title => "Report execution (requested State)";
    protected override string Explanation =>
        "outcome executed or partially-executed, with a summary; a partial execution gives the reasons for what was not executed (Art. 40(24)).";

    protected override Mediator.ICommand<RequestResource> Command(ActionTarget target, CompleteBody body) => new CompleteCommand(target, body);
}
