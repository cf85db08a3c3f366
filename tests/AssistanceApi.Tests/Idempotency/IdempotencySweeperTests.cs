#if !POSTGRES
using AssistanceApi.Idempotency;
using AssistanceApi.Persistence;
using AssistanceApi.Tests.Support;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

// The sweep of expired idempotency keys on its own, against a migrated SQLite file.
namespace AssistanceApi.Tests.Idempotency;

public sealed class IdempotencySweeperTests : MigratedSqliteFile
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_backlog_of_expired_keys_is_deleted_in_chunks_and_live_keys_stay()
    {
        var expired = 2 * Writer.DeleteChunk + 3;
        await using (var connection = await Database.OpenAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            var client = Guid.CreateVersion7();
            for (var i = 0; i < expired + 2; i++)
                await connection.ExecuteAsync(
                    "INSERT INTO idempotency_keys (client_id, idempotency_key, fingerprint, response, created_at) VALUES (@client, @key, 'f', '{}', @at)",
                    new { client, key = $"key-{i:D5}", at = i < expired ? Now - IdempotencyContext.Lifetime - TimeSpan.FromMinutes(i + 1) : Now - TimeSpan.FromHours(1) },
                    transaction);
            await transaction.CommitAsync();
        }
        await using var writer = new Writer(Database);
        var sweeper = new IdempotencySweeper(writer, new FakeTimeProvider(Now), NullLogger<IdempotencySweeper>.Instance);

        var batches = writer.GroupCommit!.Batches;
        Assert.Equal(expired, await sweeper.SweepAsync(CancellationToken.None));

        Assert.Equal(3, writer.GroupCommit.Batches - batches); // 1,000 + 1,000 + 3: one commit each
        await using var check = await Database.OpenAsync();
        Assert.Equal([$"key-{expired:D5}", $"key-{expired + 1:D5}"],
            (await check.QueryAsync<string>("SELECT idempotency_key FROM idempotency_keys ORDER BY idempotency_key")).ToList());
        Assert.Equal(0, await sweeper.SweepAsync(CancellationToken.None));
    }
}
#endif
