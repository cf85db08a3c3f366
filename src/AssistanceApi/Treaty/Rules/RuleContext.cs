using AssistanceApi.Domain;
using AssistanceApi.Domain.Documents;

namespace AssistanceApi.Treaty.Rules;

/// <summary>Everything a rule may look at: the request, both States as the directory has them today, and the day.</summary>
public sealed record RuleContext(
    RequestDetails Request,
    State RequestingState,
    State RequestedState,
    DateOnly Today,
    ProvisionCatalogue Catalogue,
    TreatyOptions Options,
    RelatedRequest? Related = null,
    IReadOnlyList<AttachedDocument>? Documents = null)
{
    public RequestKind Kind => Request.Kind ?? RequestKind.MutualLegalAssistance;
    public IReadOnlyList<Measure> Measures => Request.Measures ?? [];
    public IReadOnlyList<OffenceDetails> Offences => Request.Offences ?? [];

    /// <summary>The documents attached to the request and not superseded.</summary>
    public IEnumerable<AttachedDocument> CurrentDocuments => (Documents ?? []).Where(d => d.Current);
}

/// <summary>The request named by relatedRequestId, as far as the rules need it; null when absent or not visible.</summary>
public sealed record RelatedRequest(RequestKind Kind, string RequestingState, string RequestedState, RequestStatus Status);
