#if !POSTGRES
using AssistanceApi.Persistence;
using AssistanceApi.Tests.Support;
using Dapper;
using Microsoft.Data.Sqlite;
using SQLitePCL;

// SQLite runs in multi-thread mode without memory statistics (Persistence/SqliteProcessSettings.cs, ADR 0016). The
// mode is safe only while no connection is used by two threads at once: these pin that down for the read pool.
namespace AssistanceApi.Tests.Persistence;

public sealed class SqliteProcessSettingsTests : IAsyncLifetime
{
    private readonly TestDatabase _file = TestDatabase.Create();
    private Database _database = null!;

    public async Task InitializeAsync()
    {
        _database = new Database(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = _file.ConnectionString });
        await _file.ExecuteAsync("CREATE TABLE counters (id INTEGER PRIMARY KEY, value INTEGER NOT NULL)");
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        await _file.DisposeAsync();
    }

    [Fact]
    public async Task The_settings_are_in_force_so_sqlite_counts_no_memory()
    {
        Assert.Equal(new SqliteProcessSettings.Answers(raw.SQLITE_OK, raw.SQLITE_OK), SqliteProcessSettings.Apply());
        await using (var connection = await _database.OpenAsync())
            Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM counters"));

        // With memory statistics on, SQLite counts what it holds for the open connections; off, it counts nothing.
        Assert.Equal(0, raw.sqlite3_memory_used());
    }

    [Fact]
    public async Task The_drivers_pool_is_off_so_no_connection_left_undisposed_is_handed_to_another_opener()
    {
        await using var database = new Database(new DatabaseOptions
        {
            Provider = DatabaseProvider.Sqlite, ConnectionString = _file.ConnectionString + ";Pooling=True",
        });

        Assert.False(new SqliteConnectionStringBuilder(database.ConnectionString).Pooling);
        Assert.False(new SqliteConnectionStringBuilder(_database.ConnectionString).Pooling);
    }

    [Fact]
    public async Task Readers_holding_connections_at_once_each_get_their_own_while_the_writer_commits()
    {
        var writes = Task.Run(async () =>
        {
            await using var writer = await _database.OpenForWritingAsync();
            for (var i = 1; i <= 500; i++) await writer.ExecuteAsync("INSERT INTO counters (id, value) VALUES (@i, @i)", new { i });
        });
        try
        {
            await ReadWhileWritingAsync();
        }
        finally
        {
            await writes;
        }
        Assert.Equal(500, (await _file.QueryAsync<long>("SELECT count(*) FROM counters")).Single());
    }

    private async Task ReadWhileWritingAsync()
    {
        for (var round = 0; round < 20; round++)
        {
            // Sixteen requests at once, each renting on a thread of its own: the pool must hand out sixteen connections.
            var rented = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => _database.OpenAsync())));
            Assert.Equal(rented.Length, rented.Distinct(ReferenceEqualityComparer.Instance).Count());
            await Task.WhenAll(rented.Select(connection => Task.Run(async () =>
            {
                var count = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM counters");
                var sum = await connection.ExecuteScalarAsync<long?>("SELECT sum(value) FROM counters WHERE id <= @count", new { count }) ?? 0;
                Assert.Equal(count * (count + 1) / 2, sum);
            })));
            foreach (var connection in rented) await connection.DisposeAsync();
        }
    }
}
#endif
