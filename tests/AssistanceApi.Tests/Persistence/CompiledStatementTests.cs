#if !POSTGRES
using System.Data.Common;
using AssistanceApi.Persistence;
using AssistanceApi.Tests.Support;
using Dapper;
using Microsoft.Data.Sqlite;

// SQLite's connections keep the statements they compiled (Persistence/PreparingSqliteConnection.cs). Every HTTP
// test runs through them; these pin down what reuse must never change.
namespace AssistanceApi.Tests.Persistence;

public sealed class CompiledStatementTests : IAsyncLifetime
{
    private const string Insert = "INSERT INTO units (name, size) VALUES (@name, @size)";
    private const string ByName = "SELECT size FROM units WHERE name = @name";

    private readonly TestDatabase _file = TestDatabase.Create();
    private Database _database = null!;

    public async Task InitializeAsync()
    {
        _database = new Database(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = _file.ConnectionString });
        await _file.ExecuteAsync("CREATE TABLE units (name TEXT NOT NULL PRIMARY KEY, size INTEGER NULL)");
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        await _file.DisposeAsync();
    }

    [Fact]
    public async Task Each_execution_binds_its_own_values_including_null_after_a_value()
    {
        await using var connection = await _database.OpenForWritingAsync();
        await connection.ExecuteAsync(Insert, new { name = "a", size = 1 });
        await connection.ExecuteAsync(Insert, new { name = "b", size = (int?)null });
        await connection.ExecuteAsync(Insert, new { name = "c", size = 3 });

        Assert.Equal(1, await connection.QuerySingleAsync<int?>(ByName, new { name = "a" }));
        Assert.Null(await connection.QuerySingleAsync<int?>(ByName, new { name = "b" }));
        Assert.Equal(3, await connection.QuerySingleAsync<int?>(ByName, new { name = "c" }));
        Assert.Empty(await connection.QueryAsync<int?>(ByName, new { name = "d" }));
    }

    [Fact]
    public async Task A_parameter_named_without_its_prefix_is_bound_as_the_sql_writes_it()
    {
        await using var connection = await _database.OpenForWritingAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = Insert;
        command.Parameters.Add(new SqliteParameter("name", "a"));
        command.Parameters.Add(new SqliteParameter("size", 1));
        await command.ExecuteNonQueryAsync();

        // Renamed before binding: Microsoft.Data.Sqlite finds "@name" in one look-up, "name" only in its fourth.
        Assert.Equal(["@name", "@size"], command.Parameters.Cast<DbParameter>().Select(p => p.ParameterName));
        Assert.Equal(1, await connection.QuerySingleAsync<int?>(ByName, new { name = "a" }));
    }

    [Fact]
    public async Task A_parameter_named_with_any_prefix_keeps_its_name()
    {
        await using var connection = await _database.OpenForWritingAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO units (name, size) VALUES ($name, :size + ?3)";
        command.Parameters.Add(new SqliteParameter("$name", "a"));
        command.Parameters.Add(new SqliteParameter(":size", 2));
        command.Parameters.Add(new SqliteParameter("?3", 40));
        await command.ExecuteNonQueryAsync();

        Assert.Equal(["$name", ":size", "?3"], command.Parameters.Cast<DbParameter>().Select(p => p.ParameterName));
        Assert.Equal(42, await connection.QuerySingleAsync<int?>(ByName, new { name = "a" }));
    }

    [Fact]
    public async Task A_bare_name_for_sql_that_writes_another_prefix_fails_and_writes_nothing()
    {
        await using var connection = await _database.OpenForWritingAsync();

        // The rule the class states: bare names are @names here, so ":name" is left unbound instead of guessed.
        var unbound = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            connection.ExecuteAsync("INSERT INTO units (name, size) VALUES (:name, 1)", new { name = "a" }));

        Assert.Contains(":name", unbound.Message);
        Assert.Empty(await _file.QueryAsync<string>("SELECT name FROM units"));
    }

    [Fact]
    public async Task A_list_dapper_expands_into_parameters_of_its_own_is_bound_whole()
    {
        await _file.ExecuteAsync("INSERT INTO units (name, size) VALUES ('a', 1), ('b', 2), ('c', 3)");
        await using var connection = await _database.OpenAsync();

        var sizes = await connection.QueryAsync<int>("SELECT size FROM units WHERE name IN @names ORDER BY size", new { names = new[] { "a", "c" } });

        Assert.Equal([1, 3], sizes);
    }

    [Fact]
    public async Task A_statement_that_failed_leaves_the_next_one_with_the_same_sql_working()
    {
        await using var connection = await _database.OpenForWritingAsync();
        await connection.ExecuteAsync(Insert, new { name = "a", size = 1 });

        var duplicate = await Assert.ThrowsAsync<SqliteException>(() => connection.ExecuteAsync(Insert, new { name = "a", size = 2 }));
        Assert.Equal(19, duplicate.SqliteErrorCode); // SQLITE_CONSTRAINT

        await connection.ExecuteAsync(Insert, new { name = "b", size = 2 });
        Assert.Equal(["a", "b"], await _file.QueryAsync<string>("SELECT name FROM units ORDER BY name"));
    }

    [Fact]
    public async Task The_same_sql_run_while_its_reader_is_open_gets_a_statement_of_its_own()
    {
        await _file.ExecuteAsync("INSERT INTO units (name, size) VALUES ('a', 1), ('b', 2)");
        await using var connection = await _database.OpenAsync();

        var outer = new List<(string, int?)>();
        await using (var reader = await connection.ExecuteReaderAsync("SELECT name FROM units ORDER BY name"))
            while (await reader.ReadAsync())
            {
                var name = reader.GetString(0);
                // The inner query runs while the outer reader still holds its statement.
                var names = await connection.QueryAsync<string>("SELECT name FROM units ORDER BY name");
                outer.Add((name, names.Count()));
            }

        Assert.Equal([("a", 2), ("b", 2)], outer);
    }

    [Fact]
    public async Task A_read_connection_back_from_the_pool_sees_what_was_committed_since()
    {
        await _file.ExecuteAsync("INSERT INTO units (name) VALUES ('a')");
        await using (var first = await _database.OpenAsync())
            Assert.Equal(1, await first.QuerySingleAsync<int>("SELECT COUNT(*) FROM units"));

        await _file.ExecuteAsync("INSERT INTO units (name) VALUES ('b')");

        // Most likely the same connection, its COUNT(*) statement compiled: no snapshot may outlive the reader.
        await using var again = await _database.OpenAsync();
        Assert.Equal(2, await again.QuerySingleAsync<int>("SELECT COUNT(*) FROM units"));
    }

    [Fact]
    public async Task Many_readers_at_once_each_get_their_own_connection_and_the_right_row()
    {
        var names = Enumerable.Range(0, 100).Select(i => $"unit-{i:D3}").ToList();
        await using (var writer = await _database.OpenForWritingAsync())
            foreach (var (name, i) in names.Select((n, i) => (n, i))) await writer.ExecuteAsync(Insert, new { name, size = i });

        var sizes = await Task.WhenAll(names.Select(async name =>
        {
            await Task.Yield();
            await using var connection = await _database.OpenAsync();
            return await connection.QuerySingleAsync<int>(ByName, new { name });
        }));

        Assert.Equal(Enumerable.Range(0, 100), sizes);
    }
}
#endif
