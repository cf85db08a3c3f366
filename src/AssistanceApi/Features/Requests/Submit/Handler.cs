using System.Text.Json;
using AssistanceApi.Audit;
using AssistanceApi.Auth;
using AssistanceApi.Domain;
using AssistanceApi.Http;
using AssistanceApi.Persistence;
using AssistanceApi.Treaty;
using Dapper;
using Mediator;

namespace AssistanceApi.Features.Requests.Submit;

public sealed record SubmitRequestCommand(Caller Caller, Guid Id, long? ExpectedVersion) : ICommand<RequestResource>, IWriteCommand;

public sealed class Handler(UnitOfWork unit, AuditTrail audit, TimeProvider clock, TreatyCheck check, RequestPresenter presenter, TreatyOptions options)
    : ICommandHandler<SubmitRequestCommand, RequestResource>
{
    public async ValueTask<RequestResource> Handle(SubmitRequestCommand command, CancellationToken ct)
    {
        var caller = command.Caller;
        var row = await RequestRecord.LoadVisibleAsync(unit.Connection, command.Id, caller, presenter.Now, unit.Transaction);
        RequestRules.EnsureEditableDraft(row, caller, "submit", presenter);
        row.EnsureVersion(command.ExpectedVersion);

        var content = JsonSerializer.Deserialize<RequestContent>(row.Content, JsonDefaults.Options)!;
        var report = await check.RunAsync(unit.Connection, caller, content, unit.Transaction);
        if (!report.Compliant)
            throw Problems.Unprocessable("treaty-rules-not-met",
                $"The request does not yet meet {report.Errors.Count} requirement(s) of the Convention; nothing was submitted.",
                report.Errors.Select(f => new ProblemError(f.Name, f.Reason, f.Code)).ToList());

        await audit.BeforeChangeAsync(row.Id);
        var now = clock.Now();
        var reference = await NextReferenceAsync(row, now);
        var submitted = WireName.Of(RequestStatus.Submitted);
        var changed = await unit.Connection.ExecuteAsync(
            """
            UPDATE requests SET status = @submitted, reference = @reference, submitted_at = @now, due_at = @dueAt,
                acknowledge_by = @acknowledgeBy, version = version + 1, updated_at = @now
            WHERE id = @id AND version = @version
            """,
            new { id = row.Id, version = row.Version, submitted, reference, now, dueAt = DueAt(content), acknowledgeBy = now + AcknowledgeWithin(content) }, unit.Transaction);
        if (changed == 0) throw Problems.PreconditionFailed("The request changed meanwhile: GET it again and retry.");
        audit.Record(row.Id, "submit", caller, row.Status, submitted,
            new { reference, warnings = report.Findings.Where(f => f.Severity == Severity.Warning).Select(f => f.Code).ToList() });

        return presenter.Present(await RequestRecord.LoadVisibleAsync(unit.Connection, row.Id, caller, presenter.Now, unit.Transaction), caller);
    }

    /// <summary>
    /// FRA-DEU-2026-000042: numbered per pair of States and year, so a reference never repeats and tells the requested
    /// State nothing of the requesting State's requests to others. The upsert locks the pair's counter row until commit,
    /// so concurrent submissions (on PostgreSQL, from several instances) each get their own number.
    /// </summary>
    private async Task<string> NextReferenceAsync(RequestRecord row, DateTimeOffset now)
    {
        var number = await unit.Connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO reference_counters (requesting_state, requested_state, year, last) VALUES (@from, @to, @year, 1)
            ON CONFLICT (requesting_state, requested_state, year) DO UPDATE SET last = reference_counters.last + 1
            RETURNING last
            """,
            new { from = row.RequestingState, to = row.RequestedState, year = now.Year }, unit.Transaction);
        return $"{row.RequestingState}-{row.RequestedState}-{now.Year}-{number:D6}";
    }

    /// <summary>Emergencies and the expedited channels are acknowledged within hours, not days.</summary>
    private TimeSpan AcknowledgeWithin(RequestContent content) =>
        content.Emergency == true || content.Kind != RequestKind.MutualLegalAssistance ? options.ExpeditedAcknowledgeWithin : options.AcknowledgeWithin;

    /// <summary>A requested deadline falls due at the end of that day, UTC.</summary>
    private static DateTimeOffset? DueAt(RequestContent content) =>
        content.Deadline is { } day ? new DateTimeOffset(day.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.Zero) : null;
}
