namespace AssistanceApi.Tests.Support;

/// <summary>A migration of the provider under test, split into statements as the migrator runs them.</summary>
public static class MigrationScripts
{
    /// <summary>The statements of <paramref name="name"/> that begin with one of <paramref name="verbs"/> (e.g. "INSERT INTO").</summary>
    public static List<string> Statements(string name, params string[] verbs)
    {
        var file = Path.Combine(RepoRoot.Path, "src", "AssistanceApi", "Persistence", "Migrations",
            TestDatabase.Provider.ToString().ToLowerInvariant(), name);
        // Comment lines go before the split: a comment may hold a ';'.
        var code = string.Join('\n', File.ReadAllLines(file).Where(line => !line.TrimStart().StartsWith("--", StringComparison.Ordinal)));
        return code.Split(';').Select(s => s.Trim()).Where(s => verbs.Any(verb => s.StartsWith(verb, StringComparison.Ordinal))).ToList();
    }
}
