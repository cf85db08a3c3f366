using AssistanceApi.Domain;

namespace AssistanceApi.Features.Requests.ProvideInformation;

public sealed class Endpoint(IMediator mediator) : ActionEndpoint<ProvideInformationBody>(mediator)
{
    protected override LifecycleAction Action => Lifecycle.ProvideInformation;
    protected override string Title => "Answer the requested State's questions (requesting State)";
    protected override string Explanation =>
        "Answers the open request for information (Art. 40(16)); the request returns to the status it had before.";

    protected override ProvideInformationBody Example => new() { Answers = ["The dates are in UTC."] };

    protected override Mediator.ICommand<RequestReply> Command(ActionTarget target, ProvideInformationBody body) => new ProvideInformationCommand(target, body);
}
