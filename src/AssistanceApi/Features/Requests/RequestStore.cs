using AssistanceApi.Audit;
using AssistanceApi.Auth;
using AssistanceApi.Domain;
using AssistanceApi.Domain.Events;
using AssistanceApi.Events;
using AssistanceApi.Http;
using AssistanceApi.Persistence;
using AssistanceApi.Persistence.Documents;
using AssistanceApi.Telemetry;
using AssistanceApi.Treaty;
using Dapper;

namespace AssistanceApi.Features.Requests;

/// <summary>
/// The one write path of a request. <see cref="LoadAsync"/>: the request as the caller may see it (else 404), as the
/// aggregate, which says whether the caller's side may take the action now (403, 409), then If-Match (412).
/// <see cref="SaveAsync"/>: the aggregate's decision — a refusal becomes the caller's problem; a change becomes one
/// versioned UPDATE (412 if the request moved meanwhile) and its audit event, in the command's transaction.
/// </summary>
public sealed class RequestStore(
    UnitOfWork unit, AuditTrail audit, EventOutbox events, RequestCounts counts, TimeProvider clock, RequestPresenter presenter, ProvisionCatalogue catalogue, TreatyOptions options)
{
    private DateTimeOffset? _now;

    /// <summary>The time of this unit of work, read once: every stamp, guard, audit event and response of the command shows it.</summary>
    public DateTimeOffset Now => _now ??= clock.Now();

    public async Task<StoredRequest> LoadAsync(ActionTarget target, LifecycleAction action)
    {
        var row = await RequestRecord.LoadVisibleAsync(unit.Connection, target.Id, target.Caller, Now, unit.Transaction);
        var stored = Read(row, target.Caller, row.SideOf(target.Caller));
        if (stored.Request.Check(action, stored.Context) is { } denied) throw DecisionProblems.For(denied, catalogue);
        row.EnsureVersion(target.ExpectedVersion);
        return stored;
    }

    /// <summary>
    /// For the API's own changes (expiry): the request as stored, with no caller and no visibility. It is locked first, so
    /// the aggregate decides on what the UPDATE will find. Null: there is no such request.
    /// </summary>
    public async Task<StoredRequest?> LoadForSystemAsync(Guid id)
    {
        await audit.BeforeChangeAsync(id);
        var row = await RequestRecord.FindAsync(unit.Connection, id, unit.Transaction);
        return row is null ? null : Read(row, Caller.System, Side.Neither);
    }

    private StoredRequest Read(RequestRecord row, Caller caller, Side side) =>
        new(row, row.ToRequest(StoredContent.Read(row.Content)), caller, new ActionContext(side, Now, options));

    /// <summary>
    /// Numbers submissions per pair of States and year. The upsert locks the pair's counter row until commit, so
    /// concurrent submissions (on PostgreSQL, from several instances) each get their own number.
    /// </summary>
    public Task<long> NextReferenceNumberAsync(Request request) =>
        unit.Connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO reference_counters (requesting_state, requested_state, year, last) VALUES (@from, @to, @year, 1)
            ON CONFLICT (requesting_state, requested_state, year) DO UPDATE SET last = reference_counters.last + 1
            RETURNING last
            """,
            new { from = request.RequestingState, to = request.RequestedState, year = Now.Year }, unit.Transaction);

    /// <summary>A decision that would change nothing: its refusal is thrown as for a change; allowed, nothing is written.</summary>
    public RequestReply Unchanged(StoredRequest stored, Decision decision) =>
        decision is RequestChange ? new(presenter.Written(stored.Row, stored.Caller, Now)) : throw DecisionProblems.For(decision, catalogue);

    /// <summary>Saves what the aggregate decided and answers with the request as the caller now sees it.</summary>
    public async Task<RequestReply> SaveAsync(StoredRequest stored, Decision decision) =>
        new(presenter.Written(await WriteAsync(stored, decision), stored.Caller, Now));

    /// <summary>
    /// Saves what the aggregate decided: a refusal is thrown as the caller's problem; a change is written with its
    /// audit event; a changed draft's content is stored as its document.
    /// </summary>
    public async Task<RequestRecord> WriteAsync(StoredRequest stored, Decision decision)
    {
        var change = decision as RequestChange ?? throw DecisionProblems.For(decision, catalogue);
        var row = stored.Row;
        var saved = row.After(change,
            change.ProgressChanged ? RequestRecord.StoredProgress(change.After.Progress) : row.Progress,
            change.DetailsChanged ? StoredContent.Write(change.After.Details) : row.Content);

        await audit.BeforeChangeAsync(row.Id);
        var written = await unit.Connection.ExecuteAsync(change.DetailsChanged ? DraftChange : Transition,
            new
            {
                saved.Id, expected = row.Version, saved.Status, saved.Version, saved.UpdatedAt, saved.Progress, saved.Reference, saved.SubmittedAt,
                saved.AcknowledgeBy, saved.AcknowledgedAt, saved.ClosedAt, saved.DueAt, saved.PreservedUntil, saved.Content, saved.Kind,
                saved.RequestedState, saved.Emergency, related = change.After.Details.RelatedRequestId,
            },
            unit.Transaction);
        if (written == 0)
            throw Problems.PreconditionFailed(change.DetailsChanged
                ? "The request changed while this patch was applied: GET it again and retry."
                : "The request changed meanwhile: GET it again and retry.");
        counts.Moved(row, saved);
        await RecordRefusalGroundsAsync(change, saved);
        Announce(stored, change, saved);

        // Reads show a lapsed preservation as expired; so does the answer to a change.
        await PreservationClock.ApplyAsync(unit.Connection, [saved], Now, unit.Transaction);
        return saved;
    }

    /// <summary>
    /// The one place a change of a request is announced, in the transaction that makes it: its event in the request's
    /// audit chain, and its event in the outbox (the feed and webhooks), so both commit or fail with it.
    /// </summary>
    private void Announce(StoredRequest stored, RequestChange change, RequestRecord saved)
    {
        audit.Record(saved.Id, change.Action.Name, stored.Caller, stored.Row.Status, saved.Status, change.AuditDetails, at: change.At);
        events.Add(RequestEvents.Of(EventTypes.For(change.Action), saved, stored.Caller, change.At, new { fromStatus = stored.Row.Status }));
        AssistanceMetrics.Transition(saved.Kind, stored.Row.Status, saved.Status);
    }

    /// <summary>One row a ground, so statistics count refusals by provision in SQL.</summary>
    private async Task RecordRefusalGroundsAsync(RequestChange change, RequestRecord saved)
    {
        if (change.After.Progress.Refusal is not { } refusal || ReferenceEquals(refusal, change.Before.Progress.Refusal)) return;
        foreach (var ground in refusal.Grounds.DistinctBy(g => g.Ground))
        {
            await unit.Connection.ExecuteAsync(
                "INSERT INTO request_refusal_grounds (request_id, ground, provision) VALUES (@id, @Ground, @Provision)",
                new { id = change.After.Id, ground.Ground, ground.Provision }, unit.Transaction);
            counts.GroundRecorded(saved, ground.Ground, ground.Provision);
        }
    }

    /// <summary>Every column the lifecycle sets, from the request as the change leaves it: no action is a special case.</summary>
    private const string LifecycleColumns =
        """
        status = @Status, version = @Version, updated_at = @UpdatedAt, progress = @Progress, reference = @Reference,
        submitted_at = @SubmittedAt, acknowledge_by = @AcknowledgeBy, acknowledged_at = @AcknowledgedAt, closed_at = @ClosedAt,
        due_at = @DueAt, preserved_until = @PreservedUntil
        """;

    private const string Transition = $"UPDATE requests SET {LifecycleColumns} WHERE id = @Id AND version = @expected";

    private const string DraftChange =
        $"""
         UPDATE requests SET {LifecycleColumns}, content = @Content, kind = @Kind, requested_state = @RequestedState,
             emergency = @Emergency, related_request_id = @related
         WHERE id = @Id AND version = @expected
         """;
}
