using System.Data.Common;
using AssistanceApi.Domain;
using AssistanceApi.Http;
using AssistanceApi.Persistence;
using Dapper;

namespace AssistanceApi.Features.Requests;

/// <summary>
/// The legal clock of a preservation (Art. 42(7)), as SQL over the request aliased <c>r</c> at <c>@now</c>:
/// reads show <c>expired</c> the moment preservedUntil passes, whether or not a sweep has persisted it yet.
/// </summary>
public static class PreservationClock
{
    /// <summary>A follow-up request for mutual legal assistance between the same two States, submitted while the data was
    /// preserved, has not yet ended: the data stays preserved pending the decision on it (Art. 42(7)). A follow-up sent
    /// after the period ended revives nothing.</summary>
    public static readonly string FollowUpPending =
        $"""
        EXISTS (SELECT 1 FROM requests f WHERE f.related_request_id = r.id AND {SqlLiteral.In("f.kind", RequestKind.MutualLegalAssistance)}
                AND f.requesting_state = r.requesting_state AND f.requested_state = r.requested_state
                AND {VisibilitySql.SeenByRequestedState("f")} AND f.submitted_at <= r.preserved_until
                AND (f.closed_at IS NULL OR f.closed_at >= @now))
        """;

    public static readonly string Lapsed = $"({SqlLiteral.In("r.status", RequestStatus.Preserved)} AND r.preserved_until < @now AND NOT {FollowUpPending})";

    public static readonly string EffectiveStatus = $"CASE WHEN {Lapsed} THEN {SqlLiteral.Of(RequestStatus.Expired)} ELSE r.status END";

    private static readonly string PreservedName = WireName.Of(RequestStatus.Preserved);
    private static readonly string ExpiredName = WireName.Of(RequestStatus.Expired);

    /// <summary>
    /// Shows loaded rows as they are at <paramref name="now"/>: a preservation past its end with no follow-up pending
    /// is expired and closed when its period ended, as the sweep will record. Only such candidates cost a query.
    /// </summary>
    public static async Task ApplyAsync(DbConnection connection, IReadOnlyList<RequestRecord> rows, DateTimeOffset now, DbTransaction? transaction = null)
    {
        // Rare (lapsed and not yet swept), so one small query each.
        foreach (var row in rows.Where(r => r.Status == PreservedName && r.PreservedUntil < now))
        {
            var pending = await connection.ExecuteScalarAsync<long>(
                $"SELECT COUNT(*) FROM requests r WHERE r.id = @id AND {FollowUpPending}", new { id = row.Id, now }, transaction);
            if (pending > 0) continue;
            row.Status = ExpiredName;
            row.ClosedAt = row.PreservedUntil;
        }
    }
}
