namespace AssistanceApi.Tests.Support;

/// <summary>A migration of the provider under test, split into statements as the migrator runs them.</summary>
public static class MigrationScripts
{
    /// <summary>The statements of <paramref name="name"/> that begin with one of <paramref name="verbs"/> (e.g. "INSERT INTO").</summary>
    public static List<string> Statements(string name, params string[] verbs)
    {
        var file = Path.Combine(RepoRoot.Path, "src", "AssistanceApi", "Persistence", "Migrations",
            TestDatabase.Provider.ToString().ToLowerInvariant(), name);
        return File.ReadAllText(file).Split(';')
            .Select(s => string.Join('\n', s.Split('\n').Where(line => !line.TrimStart().StartsWith("--", StringComparison.Ordinal))).Trim())
            .Where(s => verbs.Any(verb => s.StartsWith(verb, StringComparison.Ordinal)))
            .ToList();
    }
}
