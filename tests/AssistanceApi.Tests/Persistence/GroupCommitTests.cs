#if !POSTGRES
using AssistanceApi.Persistence;
using AssistanceApi.Tests.Support;
using Dapper;

// SQLite's batching writer on its own: the PostgreSQL path has no batches.
namespace AssistanceApi.Tests.Persistence;

public sealed class GroupCommitTests : IAsyncLifetime
{
    private readonly TestDatabase _file = TestDatabase.Create();
    private Database _database = null!;
    private GroupCommit _writer = null!;

    public async Task InitializeAsync()
    {
        _database = new Database(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = _file.ConnectionString });
        await _file.ExecuteAsync("CREATE TABLE units (name TEXT NOT NULL PRIMARY KEY)");
        _writer = new GroupCommit(_database, new TableChanges());
    }

    public async Task DisposeAsync()
    {
        await _writer.DisposeAsync();
        await _database.DisposeAsync();
        await _file.DisposeAsync();
    }

    private Task<string> Insert(string name, TaskCompletionSource? hold = null, bool fail = false) =>
        _writer.RunAsync(async (connection, transaction) =>
        {
            if (hold is not null) await hold.Task;
            await connection.ExecuteAsync("INSERT INTO units (name) VALUES (@name)", new { name }, transaction);
            if (fail) throw new InvalidOperationException($"{name} fails after writing");
            return name;
        }, CancellationToken.None);

    /// <summary>Holds the writer on a first unit so that the next ones queue up and are committed as one batch.</summary>
    private async Task<(Task<string> First, TaskCompletionSource Release)> HoldTheWriterAsync()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = Insert("first", release);
        await Task.Delay(100);
        return (first, release);
    }

    [Fact]
    public async Task A_failing_unit_rolls_back_alone_and_its_neighbours_in_the_batch_commit()
    {
        var (first, release) = await HoldTheWriterAsync();
        var before = _writer.Batches;
        var a = Insert("a");
        var b = Insert("b", fail: true);
        var c = Insert("c");
        release.SetResult();

        Assert.Equal("first", await first);
        Assert.Equal("a", await a);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => b);
        Assert.Equal("b fails after writing", error.Message);
        Assert.Equal("c", await c);

        Assert.Equal(before + 2, _writer.Batches);
        Assert.Equal(3, _writer.LastBatchSize);
        Assert.Equal(["a", "c", "first"], await _file.QueryAsync<string>("SELECT name FROM units ORDER BY name"));
    }

    [Fact]
    public async Task A_failing_unit_that_changed_thousands_of_existing_pages_rolls_back_alone_in_its_batch()
    {
        // Pages that exist before the unit are the ones its savepoint journals: about 9 MB of them, all in memory.
        for (var i = 0; i < 1000; i++)
            await Insert($"large-{i:D4}-" + new string('x', 4000));
        const string Digest = "SELECT COUNT(*) || ':' || SUM(LENGTH(name)) FROM units";
        var before = (await _file.QueryAsync<string>(Digest)).Single();
        var (first, release) = await HoldTheWriterAsync();
        var a = Insert("a");
        var large = _writer.RunAsync<int>(async (connection, transaction) =>
        {
            await connection.ExecuteAsync("UPDATE units SET name = name || '-changed' WHERE name LIKE 'large-%'", transaction: transaction);
            await connection.ExecuteAsync("DELETE FROM units WHERE name LIKE 'large-05%'", transaction: transaction);
            throw new InvalidOperationException("large fails after writing");
        }, CancellationToken.None);
        var c = Insert("c");
        release.SetResult();

        await first;
        Assert.Equal("a", await a);
        await Assert.ThrowsAsync<InvalidOperationException>(() => large);
        Assert.Equal("c", await c);
        Assert.Equal(3, _writer.LastBatchSize);
        Assert.Equal(["a", "c", "first"], await _file.QueryAsync<string>("SELECT name FROM units WHERE name NOT LIKE 'large-%' ORDER BY name"));
        Assert.Equal(before, (await _file.QueryAsync<string>(Digest + " WHERE name LIKE 'large-%' AND name NOT LIKE '%-changed'")).Single());
        Assert.Equal(["ok"], await _file.QueryAsync<string>("PRAGMA integrity_check"));
    }

    [Fact]
    public async Task The_write_connection_runs_in_WAL_with_synchronous_FULL_and_keeps_its_statement_journal_in_memory()
    {
        await using var connection = await _database.OpenForWritingAsync();

        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
        Assert.Equal(2L, await connection.ExecuteScalarAsync<long>("PRAGMA synchronous")); // FULL
        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys"));
        Assert.Equal(2L, await connection.ExecuteScalarAsync<long>("PRAGMA temp_store")); // MEMORY
    }

    [Fact]
    public async Task Callers_complete_only_after_the_commit_and_see_their_own_results()
    {
        var names = Enumerable.Range(0, 200).Select(i => $"unit-{i:D3}").ToList();
        var results = await Task.WhenAll(names.Select(n => Insert(n)));

        Assert.Equal(names, results);
        // Everything a caller was told is committed can be read from another connection.
        Assert.Equal(200, (await _file.QueryAsync<long>("SELECT COUNT(*) FROM units")).Single());
        Assert.True(_writer.Batches < 200, $"200 units took {_writer.Batches} commits: nothing was grouped");
    }

    [Fact]
    public async Task A_unit_whose_caller_gave_up_while_queued_is_not_run()
    {
        var (first, release) = await HoldTheWriterAsync();
        using var cancelled = new CancellationTokenSource();
        var abandoned = _writer.RunAsync(async (connection, transaction) =>
            await connection.ExecuteAsync("INSERT INTO units (name) VALUES ('abandoned')", transaction: transaction), cancelled.Token);
        await cancelled.CancelAsync();
        release.SetResult();

        await first;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        Assert.Equal(["first"], await _file.QueryAsync<string>("SELECT name FROM units"));
    }
}
#endif
