using AssistanceApi.Persistence;
using Dapper;

namespace AssistanceApi.DocumentStorage;

/// <summary>
/// Removes stored objects no document row names and staging files left by uploads that never finished (a crash
/// between the bytes and the row, a client that hung up). Only what is older than the grace period: an upload in
/// progress stores its bytes before its row commits, and a re-upload of stored content refreshes its time.
/// </summary>
public sealed class OrphanSweeper(IDocumentContentStore store, Database database, DocumentStorageOptions options,
    ILogger<OrphanSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(options.SweepEvery, stoppingToken);
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The document orphan sweep failed; it runs again in {Minutes} minutes.", options.SweepEvery.TotalMinutes);
            }
        }
    }

    /// <summary>One sweep; returns how many objects and staging files it removed.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        // File and object times are the storage's clock, not the API's: compare with the real time.
        var before = DateTimeOffset.UtcNow - options.OrphanGrace;
        var removed = 0;
        foreach (var staging in Directory.Exists(store.StagingFolder) ? Directory.EnumerateFiles(store.StagingFolder) : [])
            if (File.GetLastWriteTimeUtc(staging) < before.UtcDateTime)
            {
                File.Delete(staging);
                removed++;
            }

        await using var connection = await database.OpenAsync(ct);
        await foreach (var stored in store.ListAsync(ct))
        {
            if (stored.LastModified >= before) continue;
            var named = await connection.ExecuteScalarAsync<long>(
                new CommandDefinition("SELECT COUNT(*) FROM documents WHERE sha256 = @Sha256", stored, cancellationToken: ct));
            if (named > 0) continue;
            await store.DeleteAsync(stored.Sha256, ct);
            removed++;
        }
        return removed;
    }
}
