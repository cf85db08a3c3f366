using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AssistanceApi.Persistence;

/// <summary>Ready when the database answers and no migration is pending.</summary>
public sealed class DatabaseReadyCheck(Database database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var connection = await database.OpenAsync(ct);
            await connection.ExecuteScalarAsync<int>("SELECT 1");
            return Migrator.IsUpToDate(database)
                ? HealthCheckResult.Healthy("database reachable, migrations applied")
                : HealthCheckResult.Unhealthy("migrations pending");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("database unreachable");
        }
    }
}
