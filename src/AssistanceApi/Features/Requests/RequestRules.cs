using AssistanceApi.Auth;
using AssistanceApi.Domain;
using AssistanceApi.Http;
using AssistanceApi.Treaty;

namespace AssistanceApi.Features.Requests;

/// <summary>Checks every write of request content shares, before any treaty rule runs: the domain decides, this answers over HTTP.</summary>
public static class RequestRules
{
    public static void EnsureMayDraft(Caller caller, RequestContent content, ProvisionCatalogue catalogue) =>
        EnsureMayDraft(caller, content.ToDetails(), catalogue);

    public static void EnsureMayDraft(Caller caller, RequestDetails request, ProvisionCatalogue catalogue)
    {
        // The endpoints admit central authorities and 24/7 points of contact only; the latter handle some kinds.
        if (caller.Role == ClientRoles.ContactPoint && DraftRules.OutsideContactPointChannel(request.Kind!.Value, catalogue) is { } channel)
            throw Problems.Forbidden(channel.Reason);
        if (DraftRules.ToOwnState(caller.State!, request.RequestedState, catalogue) is { } finding)
            throw Problems.Unprocessable(finding.Code, finding.Reason, [new(finding.Name, finding.Reason, finding.Code)]);
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
