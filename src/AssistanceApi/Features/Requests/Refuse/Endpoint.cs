using AssistanceApi.Domain;

namespace AssistanceApi.Features.Requests.Refuse;

public sealed class Endpoint(IMediator mediator) : ActionEndpoint<RefuseBody>(mediator)
{
    protected override LifecycleAction Action => Lifecycle.Refuse;
    protected override string Title => "Refuse, with grounds and reasons (requested State)";
    protected override string Explanation =>
        "Only after consultation (Art. 40(27)); grounds from the closed list: not-in-conformity, essential-interests, " +
        "domestic-law-prohibits, contrary-to-legal-system (40(21)(a)–(d)), discrimination-risk (40(22)), " +
        "no-dual-criminality (40(9)), each once. bank-secrecy (40(8)) and fiscal-matters (40(23)) are not grounds: 422; " +
        "any other name is 400 unknown-enum-value. " +
        "Reasons are required (40(24)).";

    protected override RefuseBody Example => new() { Grounds = ["essential-interests"], Reasons = "Disclosure would prejudice the security of the requested State." };

    protected override Mediator.ICommand<RequestReply> Command(ActionTarget target, RefuseBody body) => new RefuseCommand(target, body);
}
