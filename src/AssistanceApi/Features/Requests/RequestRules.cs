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
        EnsureMayHandle(caller, content.Kind!.Value, catalogue);
        if (content.RequestedState == caller.State)
        {
            var finding = TreatyCheck.OwnStateFinding(catalogue);
            throw Problems.Unprocessable(finding.Code, finding.Reason, [new(finding.Name, finding.Reason, finding.Code)]);
        }
    }

    /// <summary>The caller's role may draft and change requests of this kind: 24/7 points of contact only the expedited channels.</summary>
    public static void EnsureMayHandle(Caller caller, RequestKind kind, ProvisionCatalogue catalogue)
    {
        if (!AccessRules.MayHandle(caller, kind))
            throw Problems.Forbidden(catalogue.Reason(Citations.ContactPoints,
                "a 24/7 point of contact may draft only expedited-preservation and traffic-data-disclosure requests."));
    }

    /// <summary>For what reads a draft as only its State may (its validation): the requesting State's side, and a draft.</summary>
    public static void EnsureEditableDraft(RequestRecord row, Caller caller, string action, RequestPresenter presenter)
    {
        if (row.SideOf(caller) != Side.Requesting) throw DecisionProblems.NotYourDraft();
        if (row.StatusValue != RequestStatus.Draft) throw DecisionProblems.NotADraft(row.Status, action, presenter.Present(row, caller).AllowedActions);
    }
}
