using System.Data.Common;
using System.Text.Json;
using AssistanceApi.Auth;
using AssistanceApi.Features.States;
using AssistanceApi.Http;
using AssistanceApi.Persistence;
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
    public async Task<ValidationReport> RunAsync(DbConnection connection, Caller caller, RequestContent content, DbTransaction? transaction = null)
    {
        var documents = (await connection.QueryAsync<(string Code, string Document)>(
            $"SELECT code AS Code, document AS Document FROM states WHERE {database.Dialect.In("code", "codes")}",
            new { codes = new[] { caller.State!, content.RequestedState! } }, transaction))
            .ToDictionary(r => r.Code, r => JsonSerializer.Deserialize<StateEntry>(r.Document, JsonDefaults.Options)!);

        if (content.RequestedState == caller.State)
            return Report([OwnStateFinding(catalogue)]);

        var context = new RuleContext(content, documents[caller.State!], documents[content.RequestedState!],
            DateOnly.FromDateTime(clock.Now().UtcDateTime), catalogue, options,
            await RelatedAsync(connection, caller, content.RelatedRequestId, clock.Now(), transaction));
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

    /// <summary>Assistance is asked of another State (Art. 40(1)); a request to oneself is no request.</summary>
    public static Finding OwnStateFinding(ProvisionCatalogue catalogue) => new(Severity.Error, OwnStateProvision, "requestedState",
        catalogue.Reason(OwnStateProvision, "the requested State must be another State than the requesting State."));

    public const string OwnStateProvision = Citations.OtherState;

    private static ValidationReport Report(IReadOnlyList<Finding> findings) =>
        new(findings.All(f => f.Severity != Severity.Error), findings);
}
