namespace AssistanceApi.Tests.Support;

public static class RepoRoot
{
    /// <summary>The folder holding AssistanceApi.sln, found by walking up from the test binaries.</summary>
    public static string Path { get; } = Find();

    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "AssistanceApi.sln"))) return dir.FullName;
        throw new InvalidOperationException("AssistanceApi.sln not found above " + AppContext.BaseDirectory);
    }
}
