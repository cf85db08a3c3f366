#if !POSTGRES
using AssistanceApi.Domain;
using AssistanceApi.Features.Requests;
using AssistanceApi.Features.Requests.List;
using AssistanceApi.Persistence;
using AssistanceApi.Tests.Support;
using Dapper;
using StatisticsQueries = AssistanceApi.Features.Statistics.Get.Handler;

// SQLite's plans for the hot reads, on a table large enough that a scan would show: no full scan, no sort.
namespace AssistanceApi.Tests.Persistence;

public sealed class QueryPlanTests : IAsyncLifetime
{
    private readonly TestDatabase _file = TestDatabase.Create();
    private Database _database = null!;

    public async Task InitializeAsync()
    {
        TypeHandlers.Register();
        _database = new Database(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = _file.ConnectionString });
        Migrator.Upgrade(_database);
        await using var connection = await _database.OpenAsync();
        await connection.ExecuteAsync("INSERT INTO states (code, name, convention_status, as_of, document) VALUES ('FRA','France','party','2026-01-01','{}'), ('DEU','Germany','party','2026-01-01','{}'), ('BRA','Brazil','party','2026-01-01','{}')");
        await connection.ExecuteAsync("INSERT INTO clients (id, name, state, role, key_hash, created_at) VALUES ('00000000-0000-7000-8000-000000000001','c','FRA','central-authority','h','2026-01-01T00:00:00.000000Z')");
        await using var transaction = await connection.BeginTransactionAsync();
        string[] states = ["FRA", "DEU", "BRA"], statuses = ["draft", "submitted", "acknowledged", "in-execution", "executed"];
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 20_000; i++)
        {
            var at = start.AddMinutes(i);
            await connection.ExecuteAsync(
                """
                INSERT INTO requests (id, requesting_state, requested_state, kind, status, version, emergency, created_by, created_at, updated_at, submitted_at, content)
                VALUES (@id, @from, @to, 'mutual-legal-assistance', @status, 1, @emergency, '00000000-0000-7000-8000-000000000001', @at, @at, @at, '{}')
                """,
                new { id = Ids.Next(at), from = states[i % 3], to = states[(i + 1) % 3], status = statuses[i % 5], emergency = i % 50 == 0, at },
                transaction);
        }
        await transaction.CommitAsync();
        await connection.ExecuteAsync("ANALYZE requests");
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        await _file.DisposeAsync();
    }

    private async Task<IReadOnlyList<string>> PlanAsync(string sql, object parameters)
    {
        await using var connection = await _database.OpenAsync();
        return (await connection.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>("EXPLAIN QUERY PLAN " + sql, parameters))
            .Select(r => r.Detail).ToList();
    }

    private static object ListParameters => new
    {
        state = "DEU", contactPoint = false, status = "submitted", kind = (string?)null, counterpart = (string?)null,
        now = DateTimeOffset.UtcNow, terminal = new[] { "executed" }, expiringBefore = DateTimeOffset.UtcNow,
        afterId = Guid.Empty, afterEmergency = false, take = 51,
    };

    public static TheoryData<string?, string?, bool> Pages => new()
    {
        { "incoming", "submitted", false },
        { "incoming", "submitted", true },
        { "incoming", null, false },
        { "outgoing", "executed", true },
        { "outgoing", null, false },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_page_of_the_request_list_walks_an_index_in_list_order(string? direction, string? status, bool withCursor)
    {
        var plan = await PlanAsync(Handler.Sql(new ListRequestsRequest { Direction = direction, Status = status }, withCursor, _database.Dialect), ListParameters);

        Assert.DoesNotContain(plan, line => line.StartsWith("SCAN", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => line.Contains("TEMP B-TREE", StringComparison.Ordinal));
        Assert.Contains(plan, line => line.StartsWith("SEARCH r USING INDEX ix_requests_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_claim_of_due_webhook_deliveries_walks_the_pending_index_in_due_order()
    {
        var plan = await PlanAsync(AssistanceApi.Webhooks.DeliveryWorker.ClaimSql(DatabaseProvider.Sqlite), new { now = DateTimeOffset.UtcNow, take = 10 });

        Assert.Contains(plan, line => line.StartsWith("SEARCH d USING INDEX ix_webhook_deliveries_due (next_attempt_at<?)", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => line.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_page_of_a_webhook_s_deliveries_walks_its_unique_event_key_newest_first(bool withCursor)
    {
        var plan = await PlanAsync(AssistanceApi.Features.Webhooks.Deliveries.Handler.PageSql(withCursor),
            new { Id = Guid.Empty, before = Guid.Empty, take = 51 });

        Assert.Contains(plan, line => line.StartsWith("SEARCH webhook_deliveries USING INDEX sqlite_autoindex_webhook_deliveries_2 (subscription_id=?", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => line.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_request_is_read_by_its_primary_key()
    {
        var plan = await PlanAsync($"SELECT {RequestRecord.Columns} FROM requests r WHERE r.id = @id", new { id = Guid.Empty, now = DateTimeOffset.UtcNow });

        Assert.DoesNotContain(plan, line => line.StartsWith("SCAN", StringComparison.Ordinal));
        Assert.Contains(plan, line => line.StartsWith("SEARCH r USING INDEX sqlite_autoindex_requests_1 (id=?)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, null, "r.acknowledged_at")]
    [InlineData("DEU", null, "r.closed_at")]
    [InlineData("DEU", Office.ContactPoint, "r.acknowledged_at")]
    public async Task Statistics_durations_read_the_covering_index_of_submitted_requests(string? state, Office? office, string end)
    {
        var inScope = StatisticsQueries.Submitted + StatisticsQueries.PairAndKinds(state, office);
        var sql = StatisticsQueries.DurationSql(_database.Dialect, inScope, end, $"{end} IS NOT NULL");
        var plan = await PlanAsync(sql, new { start = DateTimeOffset.UtcNow.AddYears(-1), end = DateTimeOffset.UtcNow, state });

        Assert.Equal(["SEARCH r USING COVERING INDEX ix_requests_statistics (submitted_at>? AND submitted_at<?)"], plan);
    }

    /// <summary>Migration 0020: a draft (submitted_at NULL) gets no statistics entry, and the outgoing index no page walks is gone.</summary>
    [Fact]
    public async Task Drafts_stay_out_of_the_statistics_index_and_the_unused_outgoing_index_is_gone()
    {
        await using var connection = await _database.OpenAsync();
        var indexes = (await connection.QueryAsync<(string Name, string Sql)>(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'requests' AND sql IS NOT NULL")).ToDictionary(i => i.Name, i => i.Sql);

        Assert.DoesNotContain("ix_requests_outgoing", indexes.Keys);
        Assert.EndsWith("WHERE submitted_at IS NOT NULL", indexes["ix_requests_statistics"]);
    }
}
#endif
