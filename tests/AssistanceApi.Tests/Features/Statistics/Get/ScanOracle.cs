using System.Globalization;
using AssistanceApi.Domain;
using AssistanceApi.Features.Requests;
using AssistanceApi.Persistence;
using AssistanceApi.Tests.Support;
using Dapper;

namespace AssistanceApi.Tests.Features.Statistics.Get;

/// <summary>
/// The statistics report as it was computed before the rollup (issue 16): every figure by a full scan of the requests
/// in the period, kept here as the oracle the rollup must equal. Its answer is written as <see cref="ReportText"/> does.
/// </summary>
public static class ScanOracle
{
    private static readonly string Status = PreservationClock.EffectiveStatus;
    private static readonly string Open = $"{Status} NOT IN {SqlLiteral.List(Lifecycle.Terminal)}";
    private static readonly string Executed = SqlLiteral.In("r.status", RequestStatus.Executed, RequestStatus.PartiallyExecuted);
    private static readonly string Refused = SqlLiteral.In("r.status", RequestStatus.Refused);

    public static async Task<string[]> ReportAsync(TestDatabase database, DateOnly from, DateOnly to, string? state, Office? office, DateTimeOffset now)
    {
        var window = new
        {
            start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            state,
            now,
        };
        var inScope = "r.submitted_at >= @start AND r.submitted_at < @end"
                      + (state is null ? "" : " AND (r.requesting_state = @state OR r.requested_state = @state)")
                      + (office is { } handling && VisibilitySql.KindsHandledBy(handling) is { } kinds ? " AND " + kinds : "");
        var byKind = await database.QueryAsync<(string Kind, string Status, long Count)>(
            $"""
            SELECT Kind, Status, COUNT(*) AS Count
            FROM (SELECT r.kind AS Kind, {Status} AS Status FROM requests r WHERE {inScope}) s
            GROUP BY Kind, Status ORDER BY Kind, Status
            """, window);
        var grounds = await database.QueryAsync<(string Ground, string Provision, long Count)>(
            $"""
            SELECT g.ground AS Ground, g.provision AS Provision, COUNT(*) AS Count
            FROM request_refusal_grounds g JOIN requests r ON r.id = g.request_id
            WHERE {inScope} GROUP BY g.ground, g.provision ORDER BY COUNT(*) DESC, g.ground
            """, window);
        var pairs = await database.QueryAsync<(string From, string To, long Submitted, long Open, long Executed, long Refused)>(
            $"""
            SELECT r.requesting_state, r.requested_state, COUNT(*),
                   SUM(CASE WHEN {Open} THEN 1 ELSE 0 END), SUM(CASE WHEN {Executed} THEN 1 ELSE 0 END), SUM(CASE WHEN {Refused} THEN 1 ELSE 0 END)
            FROM requests r WHERE {inScope}
            GROUP BY r.requesting_state, r.requested_state ORDER BY r.requesting_state, r.requested_state
            """, window);
        var dialect = new Dialect(TestDatabase.Provider);
        return
        [
            .. byKind.Select(k => ReportText.Kind(k.Kind, k.Status, k.Count)),
            await DurationAsync(database, dialect, "acknowledgement", inScope, "r.acknowledged_at", "r.acknowledged_at IS NOT NULL", window),
            await DurationAsync(database, dialect, "completion", inScope, "r.closed_at", Executed, window),
            .. grounds.Select(g => ReportText.Ground(g.Ground, g.Provision, g.Count)).Order(StringComparer.Ordinal),
            .. pairs.Select(p => ReportText.Pair(p.From, p.To, p.Submitted, p.Open, p.Executed, p.Refused)),
        ];
    }

    private static async Task<string> DurationAsync(TestDatabase database, Dialect dialect, string name, string inScope, string endColumn,
        string reached, object window)
    {
        var row = (await database.QueryAsync<(long? Count, double? Median, double? P90)>(
            $"""
            WITH d AS (SELECT {dialect.DaysBetween("r.submitted_at", endColumn)} AS days FROM requests r WHERE {inScope} AND {reached}),
                 o AS (SELECT days, ROW_NUMBER() OVER (ORDER BY days) AS rn, COUNT(*) OVER () AS n FROM d)
            SELECT MAX(n) AS Count, MIN(CASE WHEN rn >= 0.5 * n THEN days END) AS Median, MIN(CASE WHEN rn >= 0.9 * n THEN days END) AS P90
            FROM o
            """, window)).Single();
        return ReportText.Duration(name, row.Count ?? 0, Round(row.Median), Round(row.P90));
    }

    private static double? Round(double? days) => days is { } d ? Math.Round(d, 3) : null;
}

/// <summary>One line per figure of a report, so a report from the API and one from the oracle compare as text.</summary>
public static class ReportText
{
    public static string Kind(string kind, string status, long count) => $"{kind}/{status}={count}";

    public static string Ground(string ground, string provision, long count) => $"ground {ground}:{provision}={count}";

    public static string Pair(string from, string to, long submitted, long open, long executed, long refused) =>
        $"{from}>{to} submitted={submitted} open={open} executed={executed} refused={refused}";

    public static string Duration(string name, long count, double? median, double? p90) =>
        string.Create(CultureInfo.InvariantCulture, $"{name} n={count} median={median:R} p90={p90:R}");

    public static string[] Of(System.Text.Json.Nodes.JsonObject report)
    {
        static double? Days(System.Text.Json.Nodes.JsonNode? node) => node?.GetValue<double>();
        var ack = report["daysToAcknowledgement"]!;
        var done = report["daysToCompletion"]!;
        return
        [
            .. report["byKindAndStatus"]!.AsArray().Select(r => Kind(r!["kind"].Str(), r["status"].Str(), r["count"]!.GetValue<long>())),
            Duration("acknowledgement", ack["count"]!.GetValue<long>(), Days(ack["median"]), Days(ack["p90"])),
            Duration("completion", done["count"]!.GetValue<long>(), Days(done["median"]), Days(done["p90"])),
            .. report["refusalGrounds"]!.AsArray().Select(g => Ground(g!["ground"].Str(), g["provision"].Str(), g["count"]!.GetValue<long>()))
                .Order(StringComparer.Ordinal),
            .. report["pairs"]!.AsArray().Select(p => Pair(p!["requestingState"].Str(), p["requestedState"].Str(), p["submitted"]!.GetValue<long>(),
                p["open"]!.GetValue<long>(), p["executed"]!.GetValue<long>(), p["refused"]!.GetValue<long>())),
        ];
    }
}
