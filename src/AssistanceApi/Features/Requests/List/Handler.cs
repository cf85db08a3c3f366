using System.Text.Json;
using AssistanceApi.Auth;
using AssistanceApi.Domain;
using AssistanceApi.Http;
using AssistanceApi.Persistence;
using Dapper;
using Mediator;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace AssistanceApi.Features.Requests.List;

public sealed record ListRequestsQuery(Caller Caller, ListRequestsRequest Filter) : IQuery<SentPage>;

/// <summary>A page of <c>Page&lt;RequestResource&gt;</c>: its bytes when it is kept, else written as it is sent.</summary>
public sealed record SentPage(byte[]? Json, WrittenPage? Written = null);

public sealed class Handler(Database database, RequestPresenter presenter, KeptPages kept, IOptions<JsonOptions> json)
    : IQueryHandler<ListRequestsQuery, SentPage>
{
    // The endpoints' own serializer settings (FastEndpoints takes ASP.NET Core's), so a page escapes as every response does.
    private readonly JsonSerializerOptions _wire = json.Value.SerializerOptions;

    private static readonly string[] TerminalStatuses = Lifecycle.Terminal.Select(WireName.Of).ToArray();

    public async ValueTask<SentPage> Handle(ListRequestsQuery query, CancellationToken ct)
    {
        var (caller, filter) = query;
        var key = kept.Enabled ? KeptPages.KeyOf(caller, filter) : null;
        if (key is not null && kept.TryGet(key, out var json)) return new SentPage(json);
        var generation = kept.Generation;
        var now = presenter.Now;
        var after = ListCursor.Parse(filter.After);
        if (filter.Cursor is not null && after is null)
            throw Cursor.Refused();
        await using var connection = await database.OpenAsync(ct);
        // Visibility as SQL (AccessRules.MaySee for one request). Emergencies first (Art. 2(o)), then newest; the cursor carries both.
        var rows = (await connection.QueryAsync<RequestRecord>(
            Sql(filter, after is not null, database.Dialect, contactPoint: caller.Role == ClientRoles.ContactPoint),
            new
            {
                state = caller.State,
                status = filter.Status,
                kind = filter.Kind,
                counterpart = filter.Counterpart,
                now,
                terminal = TerminalStatuses,
                expiringBefore = filter.ExpiringWithinDays is { } days ? now.AddDays(days) : (DateTimeOffset?)null,
                afterId = after?.Id,
                afterEmergency = after?.Emergency,
                take = filter.Take + 1,
            })).ToList();
        await PreservationClock.ApplyAsync(connection, rows, now);
        var page = Page<RequestRecord>.From(rows, filter.Take, ListCursor.Of);
        var written = presenter.Written(page, caller, now);
        // A page that will not be kept needs no bytes of its own: it is written straight into the response.
        if (key is null) return new SentPage(null, written);
        json = JsonSerializer.SerializeToUtf8Bytes(written, _wire);
        kept.Keep(key, json, generation, kept.Until(page.Items, now));
        return new SentPage(json);
    }

    /// <summary>The page query; public so a test can read its plan on a large table.</summary>
    public static string Sql(ListRequestsRequest filter, bool hasCursor, Dialect dialect, bool contactPoint = false) =>
        $"""
        SELECT {RequestRecord.Columns} FROM requests r
        WHERE {Side(filter.Direction)}
          {(contactPoint ? ContactPointKinds : "")}
          {StatusCondition(filter.Status)}
          {(filter.Kind is null ? "" : "AND r.kind = @kind")}
          {(filter.Counterpart is null ? "" : Counterpart)}
          {(filter.Overdue != true ? "" : Overdue(dialect))}
          {(filter.ExpiringWithinDays is null ? "" : Expiring)}
          {(hasCursor ? "AND (r.emergency < @afterEmergency OR (r.emergency = @afterEmergency AND r.id < @afterId))" : "")}
        ORDER BY r.emergency DESC, r.id DESC LIMIT @take
        """;

    /// <summary>
    /// One side of the exchange at a time, written out rather than switched by parameters, so the planner
    /// walks the (state, status, emergency, id) indexes instead of scanning every request (<see cref="VisibilitySql"/>).
    /// </summary>
    private static string Side(string? direction) => direction switch
    {
        "outgoing" => VisibilitySql.Outgoing,
        "incoming" => VisibilitySql.Incoming,
        _ => BothSides,
    };

    private static readonly string BothSides = $"(({VisibilitySql.Outgoing}) OR ({VisibilitySql.Incoming}))";

    /// <summary>The other State of the exchange: the caller's own code names no request (it was every one of them).</summary>
    private const string Counterpart =
        "AND ((r.requesting_state = @state AND r.requested_state = @counterpart) OR (r.requested_state = @state AND r.requesting_state = @counterpart))";

    /// <summary>What a 24/7 point of contact may handle (AccessRules.MayHandle), as the WHERE of its own partial indexes.</summary>
    private static readonly string ContactPointKinds = $"AND {VisibilitySql.KindsHandledBy(Office.ContactPoint)}";

    /// <summary>expired and preserved are read through the preservation clock, so a lapsed preservation lists as expired at once.</summary>
    private static string StatusCondition(string? status) =>
        status is null ? ""
        : !WireName.TryParse<RequestStatus>(status, out var value) ? ByStatus
        : value switch { RequestStatus.Expired => ExpiredNow, RequestStatus.Preserved => PreservedNow, _ => ByStatus };

    private const string ByStatus = "AND r.status = @status";

    private static readonly string ExpiredNow = $"AND ({SqlLiteral.In("r.status", RequestStatus.Expired)} OR {PreservationClock.Lapsed})";
    private static readonly string PreservedNow = $"AND ({SqlLiteral.In("r.status", RequestStatus.Preserved)} AND NOT {PreservationClock.Lapsed})";

    /// <summary>Open, and either not acknowledged in time or past the requested deadline.</summary>
    private static string Overdue(Dialect dialect) =>
        $"""
        AND NOT {dialect.In("r.status", "terminal")} AND {NotADraft}
        AND (({AwaitingAcknowledgement} AND r.acknowledge_by < @now) OR r.due_at < @now)
        """;

    private static readonly string NotADraft = SqlLiteral.NotIn("r.status", RequestStatus.Draft);
    private static readonly string AwaitingAcknowledgement = SqlLiteral.In("r.status", RequestStatus.Submitted);

    private static readonly string Expiring =
        $"""
        AND {SqlLiteral.In("r.status", RequestStatus.Preserved)} AND r.preserved_until >= @now AND r.preserved_until <= @expiringBefore
        AND NOT {PreservationClock.FollowUpPending}
        """;

    /// <summary>The position after the last item: its emergency flag and id.</summary>
    private sealed record ListCursor(bool Emergency, Guid Id)
    {
        public static string Of(RequestRecord row) => $"{(row.Emergency ? 1 : 0)}:{row.Id:D}";

        public static ListCursor? Parse(string? key) =>
            key is [var flag and ('0' or '1'), ':', .. var id] && Guid.TryParse(id, out var guid) ? new ListCursor(flag == '1', guid) : null;
    }
}
