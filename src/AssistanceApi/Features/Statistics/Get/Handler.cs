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
/// No request is loaded: the counts are summed from the rollup kept in the write transaction (<see cref="RequestCounts"/>,
/// ADR 0011), the durations read from a covering index. A report is kept for Statistics:CacheSeconds (60, see
/// <see cref="ReportCache"/>): a dashboard does not need the last minute. The period is whole days (from and to are dates). A caller counts only
/// what it may handle: a State its own pairs, a 24/7 point of contact only the kinds of Arts. 41–43
/// (<see cref="AccessRules.MayHandle"/>), the secretariat everything.
/// </summary>
public sealed class Handler(Database database, TimeProvider clock, ReportCache cache, IConfiguration config)
    : IQueryHandler<StatisticsQuery, StatisticsReport>
{
    private static readonly string Executed = SqlLiteral.In("r.status", RequestStatus.Executed, RequestStatus.PartiallyExecuted);

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
            from,
            to,
            state,
            now = clock.Now(),
        };

        // Requests submitted in [start, end), so seen by both their States (Visibility): every State for the secretariat,
        // else its own pairs, and only the kinds its office handles. The rollup's rows are aliased r too, and keyed by
        // the UTC day of submission, so the same window is whole days from..to.
        var pairAndKinds = PairAndKinds(state, office);
        var inScope = Submitted + pairAndKinds;
        var counted = "r.day >= @from AND r.day <= @to" + pairAndKinds;
        // The same window, written so no index on submitted_at can serve it: lapsed preservations are found on their
        // partial index (a handful), not by walking a year of submissions. A preservation counted is submitted, so the
        // COALESCE is submitted_at.
        // The plain status test lets SQLite match the partial index (it does not see IN ('preserved') as one).
        var lapsedInScope = $"r.status = {SqlLiteral.Of(RequestStatus.Preserved)}"
                            + " AND COALESCE(r.submitted_at, r.created_at) >= @start AND COALESCE(r.submitted_at, r.created_at) < @end" + pairAndKinds;
        await using var connection = await database.OpenAsync(ct);
        using var interrupt = Database.InterruptOn(connection, ct);
        try
        {
            return await ComputeAsync(connection, from, to, state, inScope, counted, lapsedInScope, window, ct);
        }
        catch (DbException) when (ct.IsCancellationRequested)
        {
            throw new OperationCanceledException(ct);
        }
    }

    /// <summary>
    /// The counts come from the rollup (<see cref="RequestCounts"/>), which holds statuses as stored; a preservation
    /// that has lapsed but is not yet swept is moved from preserved to expired here, found on its partial index (rare:
    /// the sweep persists it within minutes). Executed and refused count stored statuses, as the scan did.
    /// </summary>
    private static readonly string Cells =
        $"""
         cells AS (
             SELECT r.requesting_state, r.requested_state, r.kind, r.status AS status, r.status AS stored, r.n
             FROM request_counts r WHERE {"{counted}"}
             UNION ALL
             SELECT r.requesting_state, r.requested_state, r.kind, {SqlLiteral.Of(RequestStatus.Expired)}, r.status, 1
             FROM requests r WHERE {"{inScope}"} AND {PreservationClock.Lapsed}
             UNION ALL
             SELECT r.requesting_state, r.requested_state, r.kind, r.status, r.status, -1
             FROM requests r WHERE {"{inScope}"} AND {PreservationClock.Lapsed})
         """;

    private static readonly string OpenCell = $"status NOT IN {SqlLiteral.List(Lifecycle.Terminal)}";
    private static readonly string ExecutedCell = SqlLiteral.In("stored", RequestStatus.Executed, RequestStatus.PartiallyExecuted);
    private static readonly string RefusedCell = SqlLiteral.In("stored", RequestStatus.Refused);

    private async Task<StatisticsReport> ComputeAsync(DbConnection connection, DateOnly from, DateOnly to, string? state, string inScope,
        string counted, string lapsedInScope, object window, CancellationToken ct)
    {
        var cells = Cells.Replace("{counted}", counted).Replace("{inScope}", lapsedInScope);
        var byKind = await connection.QueryAsync<KindStatusCount>(new CommandDefinition(
            $"""
            WITH {cells}
            SELECT kind AS Kind, status AS Status, CAST(SUM(n) AS BIGINT) AS Count
            FROM cells GROUP BY kind, status HAVING SUM(n) > 0 ORDER BY kind, status
            """, window, cancellationToken: ct));
        var grounds = await connection.QueryAsync<GroundCount>(new CommandDefinition(
            $"""
            SELECT r.ground AS Ground, r.provision AS Provision, CAST(SUM(r.n) AS BIGINT) AS Count
            FROM refusal_ground_counts r WHERE {counted}
            GROUP BY r.ground, r.provision HAVING SUM(r.n) > 0 ORDER BY SUM(r.n) DESC, r.ground, r.provision
            """, window, cancellationToken: ct));
        var pairs = await connection.QueryAsync<PairCount>(new CommandDefinition(
            $"""
            WITH {cells}
            SELECT requesting_state AS RequestingState, requested_state AS RequestedState, CAST(SUM(n) AS BIGINT) AS Submitted,
                   CAST(SUM(CASE WHEN {OpenCell} THEN n ELSE 0 END) AS BIGINT) AS Open,
                   CAST(SUM(CASE WHEN {ExecutedCell} THEN n ELSE 0 END) AS BIGINT) AS Executed,
                   CAST(SUM(CASE WHEN {RefusedCell} THEN n ELSE 0 END) AS BIGINT) AS Refused
            FROM cells
            GROUP BY requesting_state, requested_state HAVING SUM(n) > 0 ORDER BY requesting_state, requested_state
            """, window, cancellationToken: ct));

        return new StatisticsReport(from, to, state ?? "all", byKind.ToList(),
            await DurationAsync(connection, inScope, "r.acknowledged_at", "r.acknowledged_at IS NOT NULL", window, ct),
            await DurationAsync(connection, inScope, "r.closed_at", Executed, window, ct),
            grounds.ToList(), pairs.ToList());
    }

    /// <summary>
    /// Median and p90 by nearest rank (the smallest value whose rank is at least 0.5 n, or 0.9 n). The days are computed in
    /// SQL from the covering index ix_requests_statistics and ranked here: sorting a few hundred thousand numbers in
    /// memory costs less than the database's window functions over them.
    /// </summary>
    private async Task<Duration> DurationAsync(DbConnection connection, string inScope, string endColumn, string reached, object window,
        CancellationToken ct)
    {
        var days = new List<double>();
        await using (var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
                         DurationSql(database.Dialect, inScope, endColumn, reached),
                         window, cancellationToken: ct)))
        {
            while (await reader.ReadAsync(ct)) days.Add(reader.GetDouble(0));
        }
        if (days.Count == 0) return new Duration(0, null, null);
        days.Sort();
        return new Duration(days.Count, Round(days[Rank(0.5m, days.Count) - 1]), Round(days[Rank(0.9m, days.Count) - 1]));
    }

    /// <summary>Requests submitted in the window [start, end): what every figure but the lapsed preservations counts.</summary>
    public const string Submitted = "r.submitted_at >= @start AND r.submitted_at < @end";

    /// <summary>The caller's own pairs (none for the secretariat) and the kinds its office handles.</summary>
    public static string PairAndKinds(string? state, Office? office) =>
        (state is null ? "" : " AND (r.requesting_state = @state OR r.requested_state = @state)")
        + (office is { } handling && VisibilitySql.KindsHandledBy(handling) is { } kinds ? " AND " + kinds : "");

    /// <summary>The days from submission to <paramref name="endColumn"/> of each request in scope; public so a test can read its plan.</summary>
    public static string DurationSql(Dialect dialect, string inScope, string endColumn, string reached) =>
        $"SELECT {dialect.DaysBetween("r.submitted_at", endColumn)} FROM requests r WHERE {inScope} AND {reached}";

    /// <summary>The first rank at or above the share of n, in exact decimal arithmetic.</summary>
    private static int Rank(decimal share, int n) => (int)Math.Ceiling(share * n);

    private static double? Round(double days) => Math.Round(days, 3);
}
