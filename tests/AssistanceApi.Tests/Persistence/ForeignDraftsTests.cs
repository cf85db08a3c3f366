using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Features.Requests.List;
using AssistanceApi.Persistence;
using AssistanceApi.Tests.Support;
using Dapper;

namespace AssistanceApi.Tests.Persistence;

/// <summary>
/// One State cannot slow another's inbox (issue 11, item 5): with 100,000 drafts FRA addresses to DEU, newer than
/// anything DEU may see, DEU's incoming page walks an index that holds none of them. Beside them, as in the load
/// benchmark, requests other States submitted to each other await acknowledgement: the page must not read those either.
/// </summary>
public sealed class ForeignDraftsTests : IAsyncLifetime
{
    private const int ForeignDrafts = 100_000;
    private const int Visible = 400;
    private const int SubmittedBetweenOthers = 2_000;
    private const int Take = 51;

    private readonly ApiFactory _api = new();

    public async Task InitializeAsync()
    {
        _ = _api.As(DemoKeys.Deu); // starts the host: migrated and seeded
        var sqlite = TestDatabase.Provider == DatabaseProvider.Sqlite;
        // Submitted requests BRA → DEU and between other States (older, each awaiting acknowledgement), then the
        // foreign drafts FRA → DEU (newer, so first in list order).
        string Rows(string idPrefix, string from, string to, string status, int count) => sqlite
            ? $"""
              WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count})
              INSERT INTO requests (id, requesting_state, requested_state, kind, status, version, emergency, created_by, created_at, updated_at, submitted_at, acknowledge_by, content)
              SELECT printf('{idPrefix}-0000-7000-8000-%012d', i), '{from}', '{to}', 'mutual-legal-assistance', '{status}', 1, 0,
                     (SELECT id FROM clients WHERE state = '{from}' AND role = 'central-authority' LIMIT 1), @at, @at,
                     {(status == "draft" ? "NULL, NULL" : "@at, @acknowledgeBy")}, @content
              FROM n
              """
            : $"""
              INSERT INTO requests (id, requesting_state, requested_state, kind, status, version, emergency, created_by, created_at, updated_at, submitted_at, acknowledge_by, content)
              SELECT ('{idPrefix}-0000-7000-8000-' || lpad(i::text, 12, '0'))::uuid, '{from}', '{to}', 'mutual-legal-assistance', '{status}', 1, false,
                     (SELECT id FROM clients WHERE state = '{from}' AND role = 'central-authority' LIMIT 1), @at, @at,
                     {(status == "draft" ? "NULL, NULL" : "@at, @acknowledgeBy + i * interval '1 minute'")}, @content
              FROM generate_series(1, {count}) AS i
              """;
        await using var connection = await _api.Database.OpenAsync();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            var at = ApiFactory.Start.AddDays(-1);
            var values = new { at, acknowledgeBy = at.AddDays(2), content = "{}" };
            await connection.ExecuteAsync(Rows("00000001", "BRA", "DEU", "submitted", Visible), values, transaction);
            await connection.ExecuteAsync(Rows("00000002", "FRA", "BRA", "submitted", SubmittedBetweenOthers / 2), values, transaction);
            await connection.ExecuteAsync(Rows("00000003", "KEN", "FRA", "submitted", SubmittedBetweenOthers / 2), values, transaction);
            await connection.ExecuteAsync(Rows("7fff0000", "FRA", "DEU", "draft", ForeignDrafts), values, transaction);
            await transaction.CommitAsync();
        }
        await connection.ExecuteAsync("ANALYZE requests");
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    public static TheoryData<string?, bool> IncomingPages => new()
    {
        { null, false },
        { null, true },
        { "submitted", false },
        { "draft", false },
    };

    private static object Parameters => new
    {
        state = "DEU", contactPoint = false, status = "submitted", kind = (string?)null, counterpart = (string?)null,
        now = ApiFactory.Start, terminal = new[] { "executed" }, expiringBefore = ApiFactory.Start,
        afterId = Guid.Parse("7fff0000-0000-7000-8000-000000000001"), afterEmergency = false, take = Take,
    };

    [Fact]
    public async Task The_incoming_page_shows_what_was_submitted_to_the_caller_and_none_of_the_drafts()
    {
        var page = await (await _api.As(DemoKeys.Deu).GetAsync("/api/v1/requests?direction=incoming&limit=50")).ExpectAsync(HttpStatusCode.OK);

        var items = page["items"]!.AsArray();
        Assert.Equal(50, items.Count);
        Assert.All(items, i => Assert.Equal("submitted", i!["status"].Str()));
        Assert.NotNull(page["nextCursor"]);
    }

#if POSTGRES
    [Theory]
    [MemberData(nameof(IncomingPages))]
    public async Task An_incoming_page_visits_none_of_100000_foreign_drafts(string? status, bool withCursor)
    {
        var sql = Handler.Sql(new ListRequestsRequest { Direction = "incoming", Status = status }, withCursor, new Database(
            new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = _api.Database.ConnectionString }).Dialect);
        await using var connection = await _api.Database.OpenAsync();
        var plan = JsonNode.Parse(await connection.QuerySingleAsync<string>("EXPLAIN (ANALYZE, FORMAT JSON) " + sql,
            status is null ? Parameters : new { state = "DEU", contactPoint = false, status, afterId = Guid.Empty, afterEmergency = false, take = Take }))![0]!["Plan"]!;

        var scans = Nodes(plan).Where(n => n["Relation Name"].Str() == "requests").ToList();
        Assert.NotEmpty(scans);
        Assert.DoesNotContain(scans, n => n["Node Type"].Str() == "Seq Scan");
        var indexes = Nodes(plan).Where(n => n["Index Name"] is not null).Select(n => n["Index Name"].Str()).ToList();
        Assert.NotEmpty(indexes);
        Assert.True(indexes.All(i => i.StartsWith("ix_requests_incoming_visible", StringComparison.Ordinal)), plan.ToJsonString());
        var visited = scans.Sum(n => n["Actual Rows"]!.GetValue<double>() + (n["Rows Removed by Filter"]?.GetValue<double>() ?? 0)
                                     + (n["Rows Removed by Index Recheck"]?.GetValue<double>() ?? 0));
        // A first page reads one page. Two variants may read all of DEU's visible requests (none a draft, none another
        // State's) and sort them: after a cursor the planner underestimates how many lie before it (the id histogram is
        // the whole table's, mostly foreign drafts), and status=draft, empty by definition, it takes for almost all rows.
        Assert.True(visited <= (withCursor || status == "draft" ? Visible + 1 : Take), $"the page visited {visited} rows: {plan.ToJsonString()}");
    }

    private static IEnumerable<JsonNode> Nodes(JsonNode node) =>
        new[] { node }.Concat(node["Plans"]?.AsArray().SelectMany(p => Nodes(p!)) ?? []);
#else
    [Theory]
    [MemberData(nameof(IncomingPages))]
    public async Task An_incoming_page_visits_none_of_100000_foreign_drafts(string? status, bool withCursor)
    {
        var sql = Handler.Sql(new ListRequestsRequest { Direction = "incoming", Status = status }, withCursor, new Database(
            new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = _api.Database.ConnectionString }).Dialect);
        await using var connection = await _api.Database.OpenAsync();
        var plan = (await connection.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>("EXPLAIN QUERY PLAN " + sql,
            status is null ? Parameters : new { state = "DEU", contactPoint = false, status, afterId = Guid.Empty, afterEmergency = false, take = Take }))
            .Select(r => r.Detail).ToList();

        Assert.Contains(plan, line => line.StartsWith("SEARCH r USING INDEX ix_requests_incoming_visible", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => line.StartsWith("SCAN", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => line.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("incoming")]
    [InlineData("outgoing")]
    public async Task A_contact_point_page_walks_an_index_of_the_expedited_kinds_only(string direction)
    {
        var sql = Handler.Sql(new ListRequestsRequest { Direction = direction }, false, new Database(
            new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = _api.Database.ConnectionString }).Dialect, contactPoint: true);
        await using var connection = await _api.Database.OpenAsync();
        var plan = (await connection.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>("EXPLAIN QUERY PLAN " + sql,
            new { state = direction == "incoming" ? "DEU" : "FRA", take = 51 })).Select(r => r.Detail).ToList();

        Assert.Contains(plan, line => line.StartsWith($"SEARCH r USING INDEX ix_requests_{direction}_expedited", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => line.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("draft")]
    public async Task An_outgoing_page_walks_the_index_without_discarded_drafts(string? status)
    {
        var sql = Handler.Sql(new ListRequestsRequest { Direction = "outgoing", Status = status }, false, new Database(
            new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = _api.Database.ConnectionString }).Dialect);
        await using var connection = await _api.Database.OpenAsync();
        var plan = (await connection.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>("EXPLAIN QUERY PLAN " + sql,
            new { state = "FRA", contactPoint = false, status, take = 51 })).Select(r => r.Detail).ToList();

        Assert.Contains(plan, line => line.StartsWith("SEARCH r USING INDEX ix_requests_outgoing_visible", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => line.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }
#endif
}
