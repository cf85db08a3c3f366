#if !POSTGRES
using AssistanceApi.Domain.Events;
using AssistanceApi.Events;
using AssistanceApi.Features.Requests.Deadlines;
using AssistanceApi.Persistence;
using AssistanceApi.Tests.Support;
using AssistanceApi.Webhooks;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

// Migration 0019 (SQLite): the feed's position is the events table's rowid and dedupe keys sit in a partial index.
namespace AssistanceApi.Tests.Events;

public sealed class EventsKeyedByPositionTests : MigratedSqliteFile
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Positions_go_on_from_the_last_and_a_dedupe_key_is_written_once()
    {
        Assert.True(await InsertAsync(Drafted(0)));
        Assert.True(await InsertAsync(Expiring(1, "preservation.expiring:a")));
        Assert.False(await InsertAsync(Expiring(2, "preservation.expiring:a")));
        Assert.True(await InsertAsync(Expiring(3, "preservation.expiring:b")));
        Assert.True(await InsertAsync(Drafted(4)));

        Assert.Equal([1L, 2L, 3L, 4L], await PositionsAsync());
        await using var connection = await Database.OpenAsync();
        Assert.Equal(2, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM events WHERE dedupe_key IS NOT NULL"));
    }

    [Fact]
    public async Task Retention_keeps_the_newest_event_so_no_position_is_given_twice()
    {
        for (var i = 0; i < 3; i++) Assert.True(await InsertAsync(Drafted(i)));
        await using (var writer = new Writer(Database))
        {
            var retention = new EventRetention(writer, new FakeTimeProvider(Start.AddDays(2)), new EventOptions(RetentionDays: 1),
                NullLogger<EventRetention>.Instance);
            Assert.Equal(2, await retention.SweepAsync(CancellationToken.None));
        }
        Assert.True(await InsertAsync(Drafted(5)));

        Assert.Equal([3L, 4L], await PositionsAsync());
    }

    [Fact]
    public async Task Retention_deletes_a_backlog_in_chunks_and_still_keeps_the_newest_event()
    {
        var count = 2 * Writer.DeleteChunk + 5;
        await using (var connection = await Database.OpenAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            for (var i = 0; i < count; i++)
                Assert.True(await EventOutbox.InsertAsync(connection, transaction, Database.Dialect, Drafted(i)));
            await transaction.CommitAsync();
        }
        await using var writer = new Writer(Database);
        var retention = new EventRetention(writer, new FakeTimeProvider(Start.AddDays(30)), new EventOptions(RetentionDays: 1),
            NullLogger<EventRetention>.Instance);

        var batches = writer.GroupCommit!.Batches;
        Assert.Equal(count - 1, await retention.SweepAsync(CancellationToken.None));

        Assert.Equal(3, writer.GroupCommit.Batches - batches); // 1,000 + 1,000 + 4: one commit each
        Assert.Equal([(long)count], await PositionsAsync());
        Assert.Equal(0, await retention.SweepAsync(CancellationToken.None));
    }

    /// <summary>Events as 0012 left them (seq beside a unique position), moved by 0019's statements: the same rows, in order.</summary>
    [Fact]
    public async Task Migration_0019_keeps_every_event_at_its_position_and_its_dedupe_key()
    {
        await using var connection = await Database.OpenAsync();
        await connection.ExecuteAsync("DROP TABLE events");
        foreach (var statement in MigrationScripts.Statements("0012_events.sql", "CREATE")) await connection.ExecuteAsync(statement);
        // Old rows: seq in insertion order, positions with a gap that retention left, one time-driven event.
        await connection.ExecuteAsync(
            """
            INSERT INTO events (position, id, type, occurred_at, audience, data, dedupe_key) VALUES
                (7, '0195a0b0-0000-7000-8000-000000000007', 'request.drafted', '2026-03-01T08:00:00.000000Z', 'request', '{}', NULL),
                (9, '0195a0b0-0000-7000-8000-000000000009', 'preservation.expiring', '2026-03-01T08:01:00.000000Z', 'request', '{}', 'preservation.expiring:a'),
                (10, '0195a0b0-0000-7000-8000-000000000010', 'request.drafted', '2026-03-01T08:02:00.000000Z', 'request', '{"n":1}', NULL)
            """);
        var before = await RowsAsync(connection);

        var statements = MigrationScripts.Statements("0019_events_keyed_by_position.sql", "ALTER", "CREATE", "INSERT", "DROP");
        Assert.Equal(6, statements.Count);
        foreach (var statement in statements) await connection.ExecuteAsync(statement);

        Assert.Equal(before, await RowsAsync(connection));
        Assert.False(await InsertAsync(Expiring(3, "preservation.expiring:a")));
        Assert.True(await InsertAsync(Drafted(4)));
        Assert.Equal([7L, 9L, 10L, 11L], await PositionsAsync());
        Assert.DoesNotContain("seq", await connection.ExecuteScalarAsync<string>("SELECT sql FROM sqlite_master WHERE name = 'events'"));
    }

    [Fact]
    public async Task The_feed_reads_by_rowid_and_the_sweeper_finds_dedupe_keys_on_their_partial_index()
    {
        await using var connection = await Database.OpenAsync();
        var feed = await PlanAsync(connection, WebhookDispatcher.EventsSql, new { cursor = 0, batch = WebhookDispatcher.Batch });
        Assert.Contains(feed, step => step.Contains("USING INTEGER PRIMARY KEY (rowid>?)"));
        Assert.DoesNotContain(feed, step => step.Contains("TEMP B-TREE"));

        var seen = await PlanAsync(connection, FindHandler.AnnouncedSql(Database.Dialect), new { keys = new[] { "a", "b" } });
        Assert.Contains(seen, step => step.Contains("events_dedupe_key"));
    }

    private static OutboxEvent Drafted(int minute) =>
        new(EventTypes.RequestDrafted, Start.AddMinutes(minute)) { RequestId = Guid.CreateVersion7(), RequestingState = "FRA", RequestedState = "DEU" };

    private static OutboxEvent Expiring(int minute, string key) =>
        new(EventTypes.PreservationExpiring, Start.AddMinutes(minute)) { RequestId = Guid.CreateVersion7(), DedupeKey = key };

    private async Task<bool> InsertAsync(OutboxEvent added)
    {
        await using var connection = await Database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var written = await EventOutbox.InsertAsync(connection, transaction, Database.Dialect, added);
        await transaction.CommitAsync();
        return written;
    }

    private async Task<List<long>> PositionsAsync()
    {
        await using var connection = await Database.OpenAsync();
        return (await connection.QueryAsync<long>("SELECT position FROM events ORDER BY position")).ToList();
    }

    private static async Task<List<string>> RowsAsync(System.Data.Common.DbConnection connection) =>
        (await connection.QueryAsync<(long Position, string Id, string Type, string At, string Data, string? Key)>(
            "SELECT position, id, type, occurred_at, data, dedupe_key FROM events ORDER BY position"))
        .Select(r => r.ToString()).ToList();

    private static async Task<List<string>> PlanAsync(System.Data.Common.DbConnection connection, string sql, object parameters) =>
        (await connection.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>("EXPLAIN QUERY PLAN " + sql, parameters))
        .Select(r => r.Detail).ToList();
}
#endif
