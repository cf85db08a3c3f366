using System.Data.Common;
using AssistanceApi.Auth;
using AssistanceApi.Domain;
using AssistanceApi.Domain.Documents;
using AssistanceApi.Persistence;
using AssistanceApi.Persistence.Documents;
using AssistanceApi.Telemetry;
using AssistanceApi.Treaty;
using AssistanceApi.Treaty.Rules;
using Dapper;

namespace AssistanceApi.Features.Requests;

/// <summary>The validation report of contract section 3.</summary>
public sealed record ValidationReport(bool Compliant, IReadOnlyList<Finding> Findings)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<Finding> Errors => Findings.Where(f => f.Severity == Severity.Error).ToList();
}

/// <summary>Runs the treaty rules on request content against the directory as it stands today.</summary>
public sealed class TreatyCheck(TreatyRules rules, ProvisionCatalogue catalogue, TimeProvider clock, TreatyOptions options, Database database)
{
    /// <summary>Today's report, for a validation that changes nothing.</summary>
    public Task<ValidationReport> RunAsync(DbConnection connection, Caller caller, RequestDetails request) =>
        RunAsync(connection, caller, request, clock.Now());

    /// <summary>
    /// The report at <paramref name="now"/>: a command's one time, so its checks and its stamps agree. With
    /// <paramref name="requestId"/>, the stored request whose attached documents the rules look at (null for unsaved content).
    /// </summary>
    public async Task<ValidationReport> RunAsync(
        DbConnection connection, Caller caller, RequestDetails request, DateTimeOffset now, DbTransaction? transaction = null, Guid? requestId = null)
    {
        var states = (await connection.QueryAsync<(string Code, string Document)>(
            $"SELECT code AS Code, document AS Document FROM states WHERE {database.Dialect.In("code", "codes")}",
            new { codes = new[] { caller.State!, request.RequestedState! } }, transaction))
            .ToDictionary(r => r.Code, r => StateDocument.Read(r.Document).ToDomain());

        if (DraftRules.ToOwnState(caller.State!, request.RequestedState, catalogue) is { } ownState)
            return Report([ownState]);

        var context = new RuleContext(request, states[caller.State!], states[request.RequestedState!],
            DateOnly.FromDateTime(now.UtcDateTime), catalogue, options,
            await RelatedAsync(connection, caller, request.RelatedRequestId, now, transaction),
            requestId is { } id ? await DocumentsAsync(connection, id, transaction) : []);
        return Report(rules.Evaluate(context));
    }

    /// <summary>Only a request the caller may see can be built on; anything else is as if absent.</summary>
    private static async Task<RelatedRequest?> RelatedAsync(DbConnection connection, Caller caller, Guid? id, DateTimeOffset now, DbTransaction? transaction)
    {
        if (id is null) return null;
        var row = await connection.QuerySingleOrDefaultAsync<RequestRecord>(
            $"SELECT {RequestRecord.Columns} FROM requests r WHERE r.id = @id", new { id }, transaction);
        if (row is not null) await PreservationClock.ApplyAsync(connection, [row], now, transaction);
        return row is not null && row.IsVisibleTo(caller)
            ? new RelatedRequest(row.KindValue, row.RequestingState, row.RequestedState, row.StatusValue)
            : null;
    }

    private static async Task<IReadOnlyList<AttachedDocument>> DocumentsAsync(DbConnection connection, Guid requestId, DbTransaction? transaction) =>
        (await connection.QueryAsync<(string Purpose, string? Language, bool Superseded)>(
            "SELECT purpose AS Purpose, language AS Language, superseded_at IS NOT NULL AS Superseded FROM documents WHERE request_id = @requestId",
            new { requestId }, transaction))
        .Select(d => new AttachedDocument(KebabCase.Parse<DocumentPurpose>(d.Purpose), d.Language, d.Superseded))
        .ToList();

    private static ValidationReport Report(IReadOnlyList<Finding> findings)
    {
        foreach (var finding in findings) AssistanceMetrics.Finding(finding.Code, finding.Severity == Severity.Error ? "error" : "warning");
        return new(findings.All(f => f.Severity != Severity.Error), findings);
    }
}
