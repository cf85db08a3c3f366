#if !POSTGRES
using AssistanceApi.Persistence;
using AssistanceApi.Tests.Support;
using Dapper;
using Microsoft.Data.Sqlite;

namespace AssistanceApi.Tests.Persistence;

/// <summary>
/// SQLite's writer moves a count per table for each commit that changed it (its update hook): to odd before the
/// COMMIT, to even after it and before any caller of the batch completes. What a reader keeps from a table lives
/// until the count moves (the list's KeptPages).
/// </summary>
public sealed class TableChangesTests : MigratedSqliteFile
{
    private async Task CreateTablesAsync()
    {
        await using var connection = await Database.OpenAsync();
        await connection.ExecuteAsync("CREATE TABLE watched (x INTEGER); CREATE TABLE other (x INTEGER);");
    }

    private async Task<Writer> WriterWithTablesAsync()
    {
        await CreateTablesAsync();
        return new Writer(Database);
    }

    /// <summary>A connection of the test's own, watched as the writer watches its own: the test takes the writer's steps.</summary>
    private async Task<(TableChanges Changes, SqliteConnection Connection)> WatchedConnectionAsync()
    {
        await CreateTablesAsync();
        var changes = new TableChanges(rowsOf: "watched");
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        changes.Watch(connection);
        return (changes, connection);
    }

    [Fact]
    public async Task A_commit_counts_once_for_each_table_it_changed_and_before_its_caller_completes()
    {
        await using var writer = await WriterWithTablesAsync();
        Assert.Equal(0, writer.Changes.Of("watched"));

        await writer.RunAsync((c, t) => c.ExecuteAsync("INSERT INTO watched VALUES (1), (2), (3)", transaction: t), CancellationToken.None);

        Assert.Equal(2, writer.Changes.Of("watched")); // three rows, one commit: twice, odd while committing, even after
        Assert.Equal(0, writer.Changes.Of("other"));

        await writer.RunAsync((c, t) => c.ExecuteAsync("UPDATE watched SET x = x + 1; INSERT INTO other VALUES (1)", transaction: t), CancellationToken.None);
        Assert.Equal(4, writer.Changes.Of("watched"));
        Assert.Equal(2, writer.Changes.Of("other"));
    }

    [Fact]
    public async Task A_commit_that_changed_no_row_counts_nothing()
    {
        await using var writer = await WriterWithTablesAsync();
        await writer.RunAsync((c, t) => c.ExecuteAsync("UPDATE watched SET x = 0 WHERE x = 42", transaction: t), CancellationToken.None);
        await writer.RunAsync((c, t) => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM watched", transaction: t), CancellationToken.None);

        Assert.Equal(0, writer.Changes.Of("watched"));
    }

    [Fact]
    public async Task A_unit_rolled_back_to_its_savepoint_still_counts()
    {
        await using var writer = await WriterWithTablesAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() => writer.RunAsync<int>(async (c, t) =>
        {
            await c.ExecuteAsync("INSERT INTO watched VALUES (1)", transaction: t);
            throw new InvalidOperationException("the unit fails");
        }, CancellationToken.None));

        // A failing unit's caller completes before its batch commits: a unit after it completes after that commit.
        await writer.RunAsync((c, t) => c.ExecuteScalarAsync<long>("SELECT 1", transaction: t), CancellationToken.None);

        // Nothing is kept wrongly that way: a reader only reads again.
        Assert.Equal(2, writer.Changes.Of("watched"));
        await using var connection = await Database.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM watched"));
    }

    [Fact]
    public async Task A_change_by_another_connection_is_not_counted()
    {
        await using var writer = await WriterWithTablesAsync();
        await writer.RunAsync((c, t) => c.ExecuteAsync("INSERT INTO watched VALUES (1)", transaction: t), CancellationToken.None);
        await using (var connection = await Database.OpenAsync())
            await connection.ExecuteAsync("INSERT INTO watched VALUES (2)");

        // Why a reader that keeps what it read bounds how long (SQL or the CLI behind the API's back).
        Assert.Equal(2, writer.Changes.Of("watched"));
    }

    [Fact]
    public async Task The_count_is_odd_from_before_the_COMMIT_until_after_it_so_a_change_seen_anywhere_has_moved_it()
    {
        var (changes, connection) = await WatchedConnectionAsync();
        await using var _ = connection;
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await connection.ExecuteAsync("INSERT INTO watched VALUES (1)", transaction: transaction);
            Assert.Equal(0, changes.Of("watched")); // changed, not yet committing

            changes.Committing();
            Assert.Equal(1, changes.Of("watched"));
            await transaction.CommitAsync();
        }
        // Committed and visible to every reader, its callers not yet completed: still odd.
        await using (var reader = await Database.OpenAsync())
            Assert.Equal(1, await reader.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM watched"));
        Assert.Equal(1, changes.Of("watched"));

        changes.BatchEnded();
        Assert.Equal(2, changes.Of("watched"));
        Assert.Equal(0, changes.Of("other"));
    }

    [Fact]
    public async Task A_batch_that_fails_before_its_COMMIT_moves_no_count()
    {
        var (changes, connection) = await WatchedConnectionAsync();
        await using var _ = connection;
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await connection.ExecuteAsync("INSERT INTO watched VALUES (1)", transaction: transaction);
            await transaction.RollbackAsync();
        }
        changes.BatchEnded();

        Assert.Equal(0, changes.Of("watched"));
    }

    [Fact]
    public async Task The_rows_of_one_table_count_by_rowid_odd_while_committing_and_only_the_rows_changed()
    {
        var (changes, connection) = await WatchedConnectionAsync();
        await using var _ = connection;
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await connection.ExecuteAsync("INSERT INTO watched (rowid, x) VALUES (7, 1), (8, 1); INSERT INTO other (rowid, x) VALUES (9, 1)",
                transaction: transaction);
            Assert.Equal(0, changes.OfRow(7));

            changes.Committing();
            Assert.Equal((1, 1, 0), (changes.OfRow(7), changes.OfRow(8), changes.OfRow(9))); // other's rows are not counted
            await transaction.CommitAsync();
        }
        changes.BatchEnded();
        Assert.Equal((2, 2, 0), (changes.OfRow(7), changes.OfRow(8), changes.OfRow(9)));

        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await connection.ExecuteAsync("UPDATE watched SET x = 2 WHERE rowid = 8", transaction: transaction);
            changes.Committing();
            await transaction.CommitAsync();
        }
        changes.BatchEnded();
        Assert.Equal((2, 4), (changes.OfRow(7), changes.OfRow(8)));
    }

    [Fact]
    public async Task Two_rows_of_one_stripe_changed_in_one_batch_move_it_once_so_it_is_odd_while_committing()
    {
        var (changes, connection) = await WatchedConnectionAsync();
        await using var _ = connection;
        const long first = 5, second = first + TableChanges.RowStripes;
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await connection.ExecuteAsync("INSERT INTO watched (rowid, x) VALUES (@first, 1), (@second, 1)", new { first, second }, transaction);
            changes.Committing();
            Assert.Equal(1, changes.OfRow(first));
            Assert.Equal(1, changes.OfRow(second));
            await transaction.CommitAsync();
        }
        changes.BatchEnded();
        Assert.Equal(2, changes.OfRow(second));
    }

    [Fact]
    public async Task Rows_are_counted_for_the_one_table_named_and_for_none_without_one()
    {
        await CreateTablesAsync();
        var changes = new TableChanges();
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        changes.Watch(connection);
        await connection.ExecuteAsync("INSERT INTO watched (rowid, x) VALUES (3, 1)");
        changes.Committing();
        changes.BatchEnded();

        Assert.Equal(2, changes.Of("watched"));
        Assert.Equal(0, changes.OfRow(3));
    }

    [Fact]
    public async Task The_writer_counts_the_batches_that_find_another_connection_committed_since_the_one_before()
    {
        await using var writer = await WriterWithTablesAsync();
        Task Insert() => writer.RunAsync((c, t) => c.ExecuteAsync("INSERT INTO watched VALUES (1)", transaction: t), CancellationToken.None);
        await Insert();
        var first = writer.Changes.Outside; // a new connection does not know what came before it

        await Insert();
        await Insert();
        Assert.Equal(first, writer.Changes.Outside); // its own commits are not from outside

        await using (var connection = await Database.OpenAsync())
            await connection.ExecuteAsync("INSERT INTO other VALUES (2)");
        Assert.Equal(first, writer.Changes.Outside); // seen at the writer's next batch, not before
        await Insert();
        Assert.Equal(first + 1, writer.Changes.Outside);
        await Insert();
        Assert.Equal(first + 1, writer.Changes.Outside);
    }
}
#endif
