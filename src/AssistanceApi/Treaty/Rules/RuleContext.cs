using AssistanceApi.Features.Requests;
using AssistanceApi.Features.States;

namespace AssistanceApi.Treaty.Rules;

/// <summary>Everything a rule may look at: the request, both States as the directory has them today, and the day.</summary>
public sealed record RuleContext(
    RequestContent Request,
    StateEntry RequestingState,
    StateEntry RequestedState,
    DateOnly Today,
    ProvisionCatalogue Catalogue)
{
    public RequestKind Kind => Request.Kind ?? RequestKind.MutualLegalAssistance;
    public IReadOnlyList<Measure> Measures => Request.Measures ?? [];
    public IReadOnlyList<OffenceClaim> Offences => Request.Offences ?? [];
}
