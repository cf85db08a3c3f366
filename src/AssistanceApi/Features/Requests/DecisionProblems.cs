using AssistanceApi.Domain;
using AssistanceApi.Http;
using AssistanceApi.Treaty;

namespace AssistanceApi.Features.Requests;

/// <summary>What the caller is told when the aggregate says no: the problem for each kind of refusal, worded once.</summary>
public static class DecisionProblems
{
    public static ApiProblemException For(Decision decision, ProvisionCatalogue catalogue) => decision switch
    {
        WrongSide { Action.OnDraftOnly: true } => NotYourDraft(),
        WrongSide d => Problems.Forbidden($"Only the {(d.Action.By == Side.Requesting ? "requesting" : "requested")} State may {d.Action} a request."),
        WrongStatus { Action.OnDraftOnly: true } d => NotADraft(WireName.Of(d.Status), Verb(d.Action), d.AllowedActions),
        WrongStatus d => NotAllowed($"The request is {WireName.Of(d.Status)}; {d.Action} is not possible now.", d.AllowedActions),
        WrongKind d => NotAllowed($"{d.Action} applies only to {string.Join(", ", d.Action.Kinds!.Select(WireName.Of))} requests.", d.AllowedActions),
        GuardNotMet d => Problems.Conflict(d.Guard.ProvisionId,
            catalogue.Reason(d.Guard.ProvisionId, $"{d.Action} is not possible yet: {d.Guard.Explanation}."), d.AllowedActions),
        Rejected r => Breaking(r, catalogue),
        NotCompliant n => Problems.Unprocessable("treaty-rules-not-met",
            $"The request does not yet meet {n.Errors.Count} requirement(s) of the Convention; nothing was submitted.",
            n.Errors.Select(f => new ProblemError(f.Name, f.Reason, f.Code)).ToList()),
        NotApplicable n => Problems.BadRequest(n.Detail, new ProblemError(n.Field, n.Reason, "not-applicable")),
        _ => throw new InvalidOperationException($"{decision.GetType().Name} is no refusal."),
    };

    /// <summary>Only the requesting State's side changes a draft.</summary>
    public static ApiProblemException NotYourDraft() => Problems.Forbidden("Only the requesting State may change or discard its draft.");

    /// <summary>What applies to drafts only (<paramref name="verb"/>: submit, PATCH, DELETE, validation), on a request that is no longer one.</summary>
    public static ApiProblemException NotADraft(string status, string verb, IReadOnlyList<string> allowedActions) =>
        Problems.Conflict("not-a-draft", $"The request is {status}; {verb} applies to drafts only.", allowedActions);

    private static ApiProblemException NotAllowed(string detail, IReadOnlyList<string> allowedActions) =>
        Problems.Conflict("action-not-allowed", detail, allowedActions);

    /// <summary>The HTTP method that changes or discards a draft; the actions go by their own name.</summary>
    private static string Verb(LifecycleAction action) =>
        action == Lifecycle.Update ? "PATCH" : action == Lifecycle.Discard ? "DELETE" : action.Name;

    private static ApiProblemException Breaking(Rejected rejected, ProvisionCatalogue catalogue)
    {
        var errors = rejected.Breaches.Select(b => Problems.Breach(catalogue, b.ProvisionId, b.Field, b.Message)).ToList();
        return Problems.Unprocessable(errors[0].Code, rejected.Detail ?? errors[0].Reason, errors);
    }
}
