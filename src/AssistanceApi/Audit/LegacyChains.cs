using AssistanceApi.Persistence;
using Dapper;

namespace AssistanceApi.Audit;

/// <summary>
/// Chains written before the chain key existed: their events keep the unkeyed SHA-256 recipe, and their tip is sealed
/// with the key once, by the start that migrates to keyed chains. A chain rewritten later with the unkeyed recipe
/// has no seal for its new tip, so it fails.
/// </summary>
public static class LegacyChains
{
    public const string Migration = "0006_audit_chain_tip";

    /// <summary>The keyed-chain migration is about to run on a database that already holds requests (not on a new one).</summary>
    public static bool NeedSealing(IReadOnlyList<string> pendingScripts) =>
        pendingScripts.Any(s => s.Contains(Migration, StringComparison.Ordinal))
        && !pendingScripts.Any(s => s.Contains("0001_initial", StringComparison.Ordinal));

    /// <summary>
    /// Runs the pending migrations. When they bring keyed chains to a database that holds requests, the chains written
    /// before are sealed by this run and only by it: a seal on request later would seal whatever someone had written
    /// into the database meanwhile. The key is asked for before anything migrates, so a server without one changes nothing.
    /// </summary>
    public static async Task MigrateAsync(Database database, Writer writer, Func<ChainKeys> keys)
    {
        var sealWith = NeedSealing(Migrator.Pending(database)) ? keys() : null;
        Migrator.Upgrade(database);
        if (sealWith is not null) await SealAsync(writer, sealWith);
    }

    public static Task SealAsync(Writer writer, ChainKeys keys) =>
        writer.RunAsync(async (connection, transaction) =>
        {
            var tips = await connection.QueryAsync<(Guid Id, long Length, string Tip)>(
                "SELECT id, chain_length, chain_tip FROM requests WHERE chain_seal IS NULL", transaction: transaction);
            foreach (var (id, length, tip) in tips)
                await connection.ExecuteAsync("UPDATE requests SET chain_seal = @seal WHERE id = @id",
                    new { id, seal = keys.Seal(RequestState.TipSeal(id, length, tip)) }, transaction);
            return 0;
        }, CancellationToken.None);
}
