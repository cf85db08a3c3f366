using AssistanceApi.Domain;

namespace AssistanceApi.Features.Requests.DeclineConditions;

public sealed class Endpoint(IMediator mediator) : ActionEndpoint<ConditionsAnswerBody>(mediator)
{
    protected override LifecycleAction Action => Lifecycle.DeclineConditions;
    protected override string Title => "Decline the proposed conditions (requesting State)";
    protected override string Explanation =>
        "Records that the requesting State does not accept the conditions (Art. 40(27)); the requested State may then refuse or postpone.";

    protected override ConditionsAnswerBody Example => new() { Comment = "The data is also needed in a related proceeding, PNC-2026-0043." };

    protected override Mediator.ICommand<RequestReply> Command(ActionTarget target, ConditionsAnswerBody body) =>
        new DeclineConditionsCommand(target, body);
}
