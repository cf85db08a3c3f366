using AssistanceApi.Auth;
using AssistanceApi.Domain;
using AssistanceApi.Http;
using AssistanceApi.Treaty;

namespace AssistanceApi.Features.Requests;

/// <summary>Checks every write of request content shares, before any treaty rule runs: the domain decides, this answers over HTTP.</summary>
public static class RequestRules
{
    public static void EnsureMayDraft(Caller caller, RequestDetails request, ProvisionCatalogue catalogue)
    {
        // The endpoints admit central authorities and 24/7 points of contact only; the latter handle some kinds.
        EnsureMayHandle(caller, request.Kind!.Value, catalogue);
        if (DraftRules.ToOwnState(caller.State!, request.RequestedState, catalogue) is { } finding)
            throw Problems.Unprocessable(finding.Code, finding.Reason, [new(finding.Name, finding.Reason, finding.Code)]);
    }

    /// <summary>The caller's role may draft and change requests of this kind: 24/7 points of contact only the expedited channels.</summary>
    public static void EnsureMayHandle(Caller caller, RequestKind kind, ProvisionCatalogue catalogue)
    {
        if (caller.Role == ClientRoles.ContactPoint && DraftRules.OutsideContactPointChannel(kind, catalogue) is { } channel)
            throw Problems.Forbidden(channel.Reason);
    }

    /// <summary>For what reads a draft as only its State may (its validation): the requesting State's side, and a draft.</summary>
    public static void EnsureEditableDraft(RequestRecord row, Caller caller, string action, RequestPresenter presenter)
    {
        if (row.SideOf(caller) != Side.Requesting) throw DecisionProblems.NotYourDraft();
        if (row.StatusValue != RequestStatus.Draft) throw DecisionProblems.NotADraft(row.Status, action, presenter.Present(row, caller).AllowedActions);
    }
}
