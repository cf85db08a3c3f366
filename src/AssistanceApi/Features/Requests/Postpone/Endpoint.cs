using AssistanceApi.Domain;

namespace AssistanceApi.Features.Requests.Postpone;

public sealed class Endpoint(IMediator mediator) : ActionEndpoint<PostponeBody>(mediator)
{
    protected override LifecycleAction Action => Lifecycle.Postpone;
    protected override string Title => "Postpone execution (requested State)";
    protected override string Explanation =>
        "Execution would interfere with an ongoing investigation, prosecution or judicial proceeding (Art. 40(26)); " +
        "only after consultation (Art. 40(27)). reasons required; until optional.";

    protected override PostponeBody Example => new() { Reasons = "Execution would interfere with a domestic trial of the same group.", Until = new DateOnly(2027, 3, 31) };

    protected override Mediator.ICommand<RequestReply> Command(ActionTarget target, PostponeBody body) => new PostponeCommand(target, body);
}
