using Dapper;

namespace AssistanceApi.Persistence.Seeding;

/// <summary>
/// A server outside Development, without Seeding:Demo, refuses to start on a database that holds an active demo
/// client: its key is published in the README. A demo client is one whose key was seeded, not issued (no key
/// prefix: every key the API or the CLI issues has one), or whose id or key hash is in seeds/demo/clients.json.
/// </summary>
public static class DemoDataGuard
{
    /// <summary>Why the server must not start, or null.</summary>
    public static async Task<string?> RefusalAsync(Database database, Seeder seeder, SeedOptions seeding, bool development)
    {
        if (development || seeding.Demo) return null;

        var demo = seeder.DemoClients();
        var ids = demo.Select(c => c.Id.ToString("D")).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var hashes = demo.Select(c => c.KeyHash).ToHashSet(StringComparer.Ordinal);
        await using var connection = await database.OpenAsync();
        var active = await connection.QueryAsync<ActiveClient>(
            "SELECT id AS Id, name AS Name, key_prefix AS KeyPrefix, key_hash AS KeyHash FROM clients WHERE revoked_at IS NULL");
        var found = active.Where(c => c.KeyPrefix is null || ids.Contains(c.Id.ToString("D")) || hashes.Contains(c.KeyHash)).ToList();
        if (found.Count == 0) return null;

        return $"""
            Refusing to start: the database holds {found.Count} active demo client(s), whose keys are published in the README:
            {string.Join(Environment.NewLine, found.Select(c => $"  {c.Id}  {c.Name}"))}
            Demo data belongs to Development only. Start from an empty database, or revoke each of these clients on the server
            (clients revoke <id>) and check the States directory, which the demo data may have replaced with fictional entries.
            """;
    }

    private sealed class ActiveClient
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public string? KeyPrefix { get; init; }
        public string KeyHash { get; init; } = "";
    }
}
