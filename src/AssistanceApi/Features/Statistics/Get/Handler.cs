using System.Data.Common;
using AssistanceApi.Auth;
using AssistanceApi.Domain;
using AssistanceApi.Features.Requests;
using AssistanceApi.Persistence;
using AssistanceApi.Treaty;
using Dapper;
using Mediator;

namespace AssistanceApi.Features.Statistics.Get;

public sealed record StatisticsQuery(Caller Caller, DateOnly? From, DateOnly? To) : IQuery<StatisticsReport>;

/// <summary>
/// Everything is aggregated in SQL over the submission-time index; no request is loaded. A report is kept for
/// Statistics:CacheSeconds (60, see <see cref="ReportCache"/>): aggregating a million requests takes seconds, and a
/// dashboard does not need the last minute. The period is whole days (from and to are dates). A caller counts only
/// what it may handle: a State its own pairs, a 24/7 point of contact only the kinds of Arts. 41–43
/// (<see cref="AccessRules.MayHandle"/>), the secretariat everything.
/// </summary>
public sealed class Handler(Database database, TimeProvider clock, ReportCache cache, IConfiguration config)
    : IQueryHandler<StatisticsQuery, StatisticsReport>
{
    // A lapsed preservation counts as expired before the sweep has persisted it.
    private static readonly string Status = PreservationClock.EffectiveStatus;

    // Every request counted was submitted, so none is a draft or discarded: open is anything not terminal.
    private static readonly string Open = $"{Status} NOT IN {SqlLiteral.List(Lifecycle.Terminal)}";

    private static readonly string Executed = SqlLiteral.In("r.status", RequestStatus.Executed, RequestStatus.PartiallyExecuted);
    private static readonly string Refused = SqlLiteral.In("r.status", RequestStatus.Refused);

    public async ValueTask<StatisticsReport> Handle(StatisticsQuery query, CancellationToken ct)
    {
        var to = query.To ?? DateOnly.FromDateTime(clock.Now().UtcDateTime);
        var from = query.From ?? to.AddYears(-1);
        var state = query.Caller.IsSecretariat ? null : query.Caller.State;
        var office = query.Caller.IsSecretariat ? null : AccessRules.OfficeOf(query.Caller);
        var seconds = config.GetValue("Statistics:CacheSeconds", 60);
        if (seconds <= 0) return await cache.ComputeAsync(token => ComputeAsync(from, to, state, office, token), ct);
        return await cache.GetAsync((state, office, from, to), TimeSpan.FromSeconds(seconds),
            token => ComputeAsync(from, to, state, office, token), ct);
    }

    private async Task<StatisticsReport> ComputeAsync(DateOnly from, DateOnly to, string? state, Office? office, CancellationToken ct)
    {
        var window = new
        {
            start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            state,
            now = clock.Now(),
        };

        // Requests submitted in [start, end), so seen by both their States (Visibility): every State for the secretariat,
        // else its own pairs, and only the kinds its office handles.
        var inScope = "r.submitted_at >= @start AND r.submitted_at < @end"
                      + (state is null ? "" : " AND (r.requesting_state = @state OR r.requested_state = @state)")
                      + (office is { } handling && VisibilitySql.KindsHandledBy(handling) is { } kinds ? " AND " + kinds : "");
        await using var connection = await database.OpenAsync(ct);
        using var interrupt = Database.InterruptOn(connection, ct);
        try
        {
            return await ComputeAsync(connection, from, to, state, inScope, window, ct);
        }
        catch (DbException) when (ct.IsCancellationRequested)
        {
            throw new OperationCanceledException(ct);
        }
    }

    private async Task<StatisticsReport> ComputeAsync(DbConnection connection, DateOnly from, DateOnly to, string? state, string inScope,
        object window, CancellationToken ct)
    {
        var byKind = await connection.QueryAsync<KindStatusCount>(new CommandDefinition(
            $"""
            SELECT Kind, Status, COUNT(*) AS Count
            FROM (SELECT r.kind AS Kind, {Status} AS Status FROM requests r WHERE {inScope}) s
            GROUP BY Kind, Status ORDER BY Kind, Status
            """, window, cancellationToken: ct));
        var grounds = await connection.QueryAsync<GroundCount>(new CommandDefinition(
            $"""
            SELECT g.ground AS Ground, g.provision AS Provision, COUNT(*) AS Count
            FROM request_refusal_grounds g JOIN requests r ON r.id = g.request_id
            WHERE {inScope} GROUP BY g.ground, g.provision ORDER BY COUNT(*) DESC, g.ground
            """, window, cancellationToken: ct));
        var pairs = await connection.QueryAsync<PairCount>(new CommandDefinition(
            $"""
            SELECT r.requesting_state AS RequestingState, r.requested_state AS RequestedState, COUNT(*) AS Submitted,
                   SUM(CASE WHEN {Open} THEN 1 ELSE 0 END) AS Open,
                   SUM(CASE WHEN {Executed} THEN 1 ELSE 0 END) AS Executed,
                   SUM(CASE WHEN {Refused} THEN 1 ELSE 0 END) AS Refused
            FROM requests r WHERE {inScope}
            GROUP BY r.requesting_state, r.requested_state ORDER BY r.requesting_state, r.requested_state
            """, window, cancellationToken: ct));

        return new StatisticsReport(from, to, state ?? "all", byKind.ToList(),
            await DurationAsync(connection, inScope, "r.acknowledged_at", "r.acknowledged_at IS NOT NULL", window, ct),
            await DurationAsync(connection, inScope, "r.closed_at", Executed, window, ct),
            grounds.ToList(), pairs.ToList());
    }

    /// <summary>Median and p90 by nearest rank, computed with window functions.</summary>
    private async Task<Duration> DurationAsync(DbConnection connection, string inScope, string endColumn, string reached, object window,
        CancellationToken ct)
    {
        var row = await connection.QuerySingleAsync<DurationRow>(new CommandDefinition(
            $"""
            WITH d AS (SELECT {database.Dialect.DaysBetween("r.submitted_at", endColumn)} AS days FROM requests r WHERE {inScope} AND {reached}),
                 o AS (SELECT days, ROW_NUMBER() OVER (ORDER BY days) AS rn, COUNT(*) OVER () AS n FROM d)
            SELECT MAX(n) AS Count, MIN(CASE WHEN rn >= 0.5 * n THEN days END) AS Median, MIN(CASE WHEN rn >= 0.9 * n THEN days END) AS P90
            FROM o
            """, window, cancellationToken: ct));
        return new Duration(row.Count ?? 0, Round(row.Median), Round(row.P90));
    }

    private sealed class DurationRow
    {
        public long? Count { get; init; }
        public double? Median { get; init; }
        public double? P90 { get; init; }
    }

    private static double? Round(double? days) => days is { } d ? Math.Round(d, 3) : null;
}
