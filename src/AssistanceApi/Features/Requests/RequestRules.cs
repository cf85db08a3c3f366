using AssistanceApi.Auth;
using AssistanceApi.Domain;
using AssistanceApi.Http;
using AssistanceApi.Treaty;

namespace AssistanceApi.Features.Requests;

/// <summary>Checks every write of request content shares, before any treaty rule runs.</summary>
public static class RequestRules
{
    public static void EnsureMayDraft(Caller caller, RequestContent content, ProvisionCatalogue catalogue)
    {
        if (!AccessRules.MayHandle(caller, content.Kind!.Value))
            throw Problems.Forbidden(catalogue.Reason(Citations.ContactPoints,
                "a 24/7 point of contact may draft only expedited-preservation and traffic-data-disclosure requests."));
        if (content.RequestedState == caller.State)
        {
            var finding = TreatyCheck.OwnStateFinding(catalogue);
            throw Problems.Unprocessable(finding.Code, finding.Reason, [new(finding.Name, finding.Reason, finding.Code)]);
        }
    }

    /// <summary>Only the requesting State's side changes a draft, and only while it is a draft.</summary>
    public static void EnsureEditableDraft(RequestRecord row, Caller caller, string action, RequestPresenter presenter)
    {
        if (row.SideOf(caller) != Side.Requesting)
            throw Problems.Forbidden("Only the requesting State may change or discard its draft.");
        if (row.StatusValue != RequestStatus.Draft)
            throw Problems.Conflict("not-a-draft",
                $"The request is {row.Status}; {action} applies to drafts only.",
                presenter.Present(row, caller).AllowedActions);
    }
}
