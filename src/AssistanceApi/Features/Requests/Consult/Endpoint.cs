using AssistanceApi.Domain;

namespace AssistanceApi.Features.Requests.Consult;

public sealed class Endpoint(IMediator mediator) : ActionEndpoint<ConsultBody>(mediator)
{
    protected override LifecycleAction Action => Lifecycle.Consult;
    protected override string Title => "Consult before refusing or postponing (requested State)";
    protected override string Explanation =>
        "Before refusing or postponing, the requested State consults the requesting State on whether assistance may " +
        "be granted subject to conditions (Art. 40(27)). Refusal or postponement follows once the requesting State " +
        "has answered, or once the consultation has been open for Treaty__ConsultationTimeoutDays (30) days.";

    protected override ConsultBody Example => new()
    {
        Intent = ConsultationIntent.Postpone,
        ProposedConditions = ["The data is used only in proceeding PNC-2026-0042."],
        Reasons = "Disclosure now would alert the suspects of a domestic investigation.",
    };

    protected override Mediator.ICommand<RequestReply> Command(ActionTarget target, ConsultBody body) => new ConsultCommand(target, body);
}
