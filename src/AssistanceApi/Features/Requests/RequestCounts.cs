using System.Data.Common;
using AssistanceApi.Persistence;
using Dapper;

namespace AssistanceApi.Features.Requests;

/// <summary>
/// The statistics rollup (migration 0015, ADR 0011): submitted requests counted by submission day (UTC), pair of States,
/// kind and status, and their refusal grounds by the same keys. <see cref="RequestStore"/> records every change here;
/// the counts are written just before the unit commits, in its transaction, so the report never sees a change its
/// counts miss or the reverse. Deltas are netted first (a sweep expiring a hundred preservations of one day writes one
/// row) and written in key order, so two PostgreSQL writers take the counter rows' locks in the same order and never
/// deadlock on them; the upsert adds to the row under its lock, so no increment is lost.
/// </summary>
public sealed class RequestCounts : IPendingWrites
{
    private readonly SortedDictionary<StatusKey, long> _statuses = [];
    private readonly SortedDictionary<GroundKey, long> _grounds = [];

    /// <summary>A request's row changed from <paramref name="before"/> to <paramref name="after"/>: its count moves with it.</summary>
    public void Moved(RequestRecord before, RequestRecord after)
    {
        if (StatusKey.Of(before, before.StoredStatus ?? before.Status) is { } from) Add(_statuses, from, -1);
        if (StatusKey.Of(after, after.Status) is { } to) Add(_statuses, to, 1);
    }

    /// <summary>A refusal ground was recorded for <paramref name="request"/> (one row of request_refusal_grounds).</summary>
    public void GroundRecorded(RequestRecord request, string ground, string provision)
    {
        if (StatusKey.Of(request, request.Status) is { } key)
            Add(_grounds, new GroundKey(key.Day, key.RequestingState, key.RequestedState, key.Kind, ground, provision), 1);
    }

    async Task IPendingWrites.FlushAsync(DbConnection connection, DbTransaction transaction)
    {
        foreach (var (key, n) in _statuses.Where(d => d.Value != 0))
            await connection.ExecuteAsync(
                """
                INSERT INTO request_counts (day, requesting_state, requested_state, kind, status, n)
                VALUES (@Day, @RequestingState, @RequestedState, @Kind, @Status, @n)
                ON CONFLICT (day, requesting_state, requested_state, kind, status) DO UPDATE SET n = request_counts.n + excluded.n
                """,
                new { key.Day, key.RequestingState, key.RequestedState, key.Kind, key.Status, n }, transaction);
        foreach (var (key, n) in _grounds)
            await connection.ExecuteAsync(
                """
                INSERT INTO refusal_ground_counts (day, requesting_state, requested_state, kind, ground, provision, n)
                VALUES (@Day, @RequestingState, @RequestedState, @Kind, @Ground, @Provision, @n)
                ON CONFLICT (day, requesting_state, requested_state, kind, ground, provision) DO UPDATE SET n = refusal_ground_counts.n + excluded.n
                """,
                new { key.Day, key.RequestingState, key.RequestedState, key.Kind, key.Ground, key.Provision, n }, transaction);
    }

    void IPendingWrites.Clear()
    {
        _statuses.Clear();
        _grounds.Clear();
    }

    private static void Add<TKey>(SortedDictionary<TKey, long> deltas, TKey key, long n) where TKey : notnull =>
        deltas[key] = deltas.GetValueOrDefault(key) + n;

    /// <summary>Only submitted requests are counted: the report covers requests submitted in its period.</summary>
    private readonly record struct StatusKey(DateOnly Day, string RequestingState, string RequestedState, string Kind, string Status)
        : IComparable<StatusKey>
    {
        public static StatusKey? Of(RequestRecord row, string status) => row.SubmittedAt is { } submitted
            ? new StatusKey(DateOnly.FromDateTime(submitted.UtcDateTime), row.RequestingState, row.RequestedState, row.Kind, status)
            : null;

        public int CompareTo(StatusKey other)
        {
            var c = Day.CompareTo(other.Day);
            if (c == 0) c = string.CompareOrdinal(RequestingState, other.RequestingState);
            if (c == 0) c = string.CompareOrdinal(RequestedState, other.RequestedState);
            if (c == 0) c = string.CompareOrdinal(Kind, other.Kind);
            return c != 0 ? c : string.CompareOrdinal(Status, other.Status);
        }
    }

    private readonly record struct GroundKey(DateOnly Day, string RequestingState, string RequestedState, string Kind, string Ground, string Provision)
        : IComparable<GroundKey>
    {
        public int CompareTo(GroundKey other)
        {
            var c = Day.CompareTo(other.Day);
            if (c == 0) c = string.CompareOrdinal(RequestingState, other.RequestingState);
            if (c == 0) c = string.CompareOrdinal(RequestedState, other.RequestedState);
            if (c == 0) c = string.CompareOrdinal(Kind, other.Kind);
            if (c == 0) c = string.CompareOrdinal(Ground, other.Ground);
            return c != 0 ? c : string.CompareOrdinal(Provision, other.Provision);
        }
    }
}
