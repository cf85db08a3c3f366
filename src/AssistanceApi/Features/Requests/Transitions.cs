using System.Text.Json;
using AssistanceApi.Audit;
using AssistanceApi.Auth;
using AssistanceApi.Domain;
using AssistanceApi.Http;
using AssistanceApi.Persistence;
using AssistanceApi.Treaty;
using Dapper;

namespace AssistanceApi.Features.Requests;

/// <summary>Who takes a lifecycle action on which request, at which version (If-Match).</summary>
public sealed record ActionTarget(Caller Caller, Guid Id, long? ExpectedVersion);

/// <summary>
/// The guards every lifecycle action shares, derived from the lifecycle table: visible (404), the right side
/// (403), the right status (409 listing allowedActions), the right version (412). Then one UPDATE and one
/// audit event per transition. The body guards stay in each action's handler.
/// </summary>
public sealed class Transitions(UnitOfWork unit, AuditTrail audit, TimeProvider clock, RequestPresenter presenter, ProvisionCatalogue catalogue)
{
    public DateTimeOffset Now { get; } = clock.Now();

    public async Task<RequestRecord> LoadAsync(ActionTarget target, string actionName)
    {
        var action = Lifecycle.Action(actionName);
        var row = await RequestRecord.LoadVisibleAsync(unit.Connection, target.Id, target.Caller, presenter.Now, unit.Transaction);
        var side = row.SideOf(target.Caller);
        if (action.Kinds is not null && !action.Kinds.Contains(row.KindValue))
            throw Conflict(row, side, $"{actionName} applies only to {string.Join(", ", action.Kinds.Select(WireName.Of))} requests.");
        if (action.By != Side.Either && action.By != side)
            throw Problems.Forbidden($"Only the {(action.By == Side.Requesting ? "requesting" : "requested")} State may {actionName} a request.");
        if (!action.From.Contains(row.StatusValue))
            throw Conflict(row, side, $"The request is {row.Status}; {actionName} is not possible now.");
        if (action.Guard is { } guard && !guard.Passes(presenter.GuardFor(row)))
            throw Problems.Conflict(guard.ProvisionId, catalogue.Reason(guard.ProvisionId, $"{actionName} is not possible yet: {guard.Explanation}."),
                Lifecycle.Allowed(row.KindValue, row.StatusValue, side, presenter.GuardFor(row)));
        row.EnsureVersion(target.ExpectedVersion);
        return row;
    }

    public async Task<RequestResource> ApplyAsync(
        RequestRecord row, ActionTarget target, string actionName, RequestStatus to, RequestProgress progress,
        object? details = null, DateTimeOffset? preservedUntil = null)
    {
        var toName = WireName.Of(to);
        await audit.BeforeChangeAsync(row.Id);
        var changed = await unit.Connection.ExecuteAsync(
            """
            UPDATE requests SET status = @to, version = version + 1, updated_at = @now, progress = @progress,
                acknowledged_at = CASE WHEN @acknowledging THEN @now ELSE acknowledged_at END,
                closed_at = CASE WHEN @closing THEN @now ELSE closed_at END,
                preserved_until = COALESCE(@preservedUntil, preserved_until)
            WHERE id = @id AND version = @version
            """,
            new
            {
                id = row.Id, version = row.Version, to = toName, now = Now,
                progress = JsonSerializer.Serialize(progress, JsonDefaults.Options),
                acknowledging = actionName == "acknowledge",
                closing = Lifecycle.Terminal.Contains(to),
                preservedUntil,
            },
            unit.Transaction);
        if (changed == 0) throw Problems.PreconditionFailed("The request changed meanwhile: GET it again and retry.");
        audit.Record(row.Id, actionName, target.Caller, row.Status, toName, details);
        return presenter.Present(await RequestRecord.LoadVisibleAsync(unit.Connection, row.Id, target.Caller, presenter.Now, unit.Transaction), target.Caller);
    }

    private ApiProblemException Conflict(RequestRecord row, Side side, string detail) =>
        Problems.Conflict("action-not-allowed", detail, Lifecycle.Allowed(row.KindValue, row.StatusValue, side, presenter.GuardFor(row)));
}
