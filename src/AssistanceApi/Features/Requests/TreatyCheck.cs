using System.Data.Common;
using AssistanceApi.Auth;
using AssistanceApi.Domain;
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

    /// <summary>The report at <paramref name="now"/>: a command's one time, so its checks and its stamps agree.</summary>
    public async Task<ValidationReport> RunAsync(DbConnection connection, Caller caller, RequestDetails request, DateTimeOffset now, DbTransaction? transaction = null)
    {
        var states = (await connection.QueryAsync<(string Code, string Document)>(
            $"SELECT code AS Code, document AS Document FROM states WHERE {database.Dialect.In("code", "codes")}",
            new { codes = new[] { caller.State!, request.RequestedState! } }, transaction))
            .ToDictionary(r => r.Code, r => StateDocument.Read(r.Document).ToDomain());

        if (DraftRules.ToOwnState(caller.State!, request.RequestedState, catalogue) is { } ownState)
            return Report([ownState]);

        var context = new RuleContext(request, states[caller.State!], states[request.RequestedState!],
            DateOnly.FromDateTime(now.UtcDateTime), catalogue, options,
            await RelatedAsync(connection, caller, request.RelatedRequestId, now, transaction));
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

    private static ValidationReport Report(IReadOnlyList<Finding> findings)
    {
        foreach (var finding in findings) AssistanceMetrics.Finding(finding.Code, finding.Severity == Severity.Error ? "error" : "warning");
        return new(findings.All(f => f.Severity != Severity.Error), findings);
    }
}
