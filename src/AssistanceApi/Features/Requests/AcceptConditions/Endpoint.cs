using AssistanceApi.Domain;

namespace AssistanceApi.Features.Requests.AcceptConditions;

public sealed class Endpoint(IMediator mediator) : ActionEndpoint<ConditionsAnswerBody>(mediator)
{
    protected override LifecycleAction Action => Lifecycle.AcceptConditions;
    protected override string Title => "Accept the proposed conditions (requesting State)";
    protected override string Explanation =>
        "The proposed conditions bind the request (conditions) and the requested State executes it (Art. 40(27)).";

    protected override ConditionsAnswerBody Example => new() { Comment = "The data will be used only in proceeding PNC-2026-0042." };

    protected override Mediator.ICommand<RequestReply> Command(ActionTarget target, ConditionsAnswerBody body) =>
        new AcceptConditionsCommand(target, body);
}
