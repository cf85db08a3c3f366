using AssistanceApi.Audit;
using AssistanceApi.Auth;
using AssistanceApi.Domain;
using AssistanceApi.Http;
using AssistanceApi.Persistence;
using AssistanceApi.Persistence.Documents;
using AssistanceApi.Treaty;

namespace AssistanceApi.Features.Requests.Create;

/// <summary>
/// Everything a new draft is can be known before it is written: the row, the first event of its audit chain
/// and the response. It is built here, on the caller's thread, so that SQLite's one write loop does no more
/// for a draft than its two INSERTs.
/// </summary>
public sealed class Drafting(TimeProvider clock, ProvisionCatalogue catalogue, RequestPresenter presenter, ChainKeys keys)
{
    public CreateRequestCommand Prepare(Caller caller, RequestContent content)
    {
        var request = content.ToDetails();
        RequestRules.EnsureMayDraft(caller, request, catalogue);
        request = request with { LegalBasis = request.EffectiveLegalBasis };
        var now = clock.Now();
        var row = new RequestRecord
        {
            // Drafting is for the roles of a State (the endpoint's roles), so the caller has one.
            Id = Ids.Next(now), RequestingState = caller.State!, RequestedState = request.RequestedState!,
            Kind = WireName.Of(request.Kind!.Value), Status = WireName.Of(RequestStatus.Draft), Version = 1,
            Emergency = request.Emergency == true, CreatedBy = caller.ClientId, CreatedAt = now, UpdatedAt = now,
            Content = StoredContent.Write(request),
        };
        var created = new RequestState
        {
            Id = row.Id, RequestingState = row.RequestingState, RequestedState = row.RequestedState, Kind = row.Kind, Status = row.Status,
            Version = row.Version, Emergency = row.Emergency, RelatedRequestId = request.RelatedRequestId, CreatedBy = row.CreatedBy,
            CreatedAt = row.CreatedAt, UpdatedAt = row.UpdatedAt, Content = row.Content, Progress = row.Progress,
        };
        return new CreateRequestCommand(row, request.RelatedRequestId, AuditTrail.Creation(created, caller, keys), presenter.Present(row, caller), caller);
    }
}
