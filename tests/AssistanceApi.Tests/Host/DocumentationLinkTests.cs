using System.Text.RegularExpressions;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Host;

/// <summary>
/// Every relative link of the README and the docs reaches a file of the repository, and every #anchor a heading of
/// the page it names, as GitHub renders it: moving a section must not leave a newcomer on a dead link.
/// </summary>
public sealed partial class DocumentationLinkTests
{
    public static TheoryData<string> Pages()
    {
        var pages = new TheoryData<string>();
        foreach (var page in new[] { "README.md", Path.Combine("tests", "load", "README.md") }
                     .Concat(Directory.EnumerateFiles(RepoRoot.File("docs"), "*.md", SearchOption.AllDirectories)
                         .Select(f => Path.GetRelativePath(RepoRoot.Path, f)).Order()))
            pages.Add(page);
        return pages;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_relative_link_and_anchor_resolves(string page)
    {
        var path = RepoRoot.File(page);
        var broken = Links(File.ReadAllText(path))
            .Where(link => !link.Contains("://") && !link.StartsWith("mailto:"))
            .Where(link => Resolve(path, link) is { } reason).Select(link => $"{link}: {Resolve(path, link)}").ToList();

        Assert.True(broken.Count == 0, $"{page}: " + string.Join("; ", broken));
    }

    [Theory]
    [InlineData("## Demo keys (Development only, fictional)", "demo-keys-development-only-fictional")]
    [InlineData("### Webhooks: the same events, pushed", "webhooks-the-same-events-pushed")]
    [InlineData("## `GET /events` and 410", "get-events-and-410")]
    public void A_heading_gets_the_anchor_GitHub_gives_it(string heading, string anchor) =>
        Assert.Contains(anchor, Anchors(heading));

    [Fact]
    public void A_dead_link_and_a_dead_anchor_are_found()
    {
        var readme = RepoRoot.File("README.md");
        Assert.NotNull(Resolve(readme, "docs/no-such-page.md"));
        Assert.NotNull(Resolve(readme, "docs/operations.md#no-such-section"));
        Assert.Null(Resolve(readme, "docs/operations.md#roles-and-keys"));
    }

    /// <summary>Why the link does not resolve from the page at <paramref name="from"/>, or null.</summary>
    private static string? Resolve(string from, string link)
    {
        var hash = link.IndexOf('#');
        var target = hash < 0 ? link : link[..hash];
        var anchor = hash < 0 ? null : link[(hash + 1)..];
        var file = target.Length == 0 ? from : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(from)!, Uri.UnescapeDataString(target)));
        if (!File.Exists(file) && !Directory.Exists(file)) return "no such file";
        if (anchor is null || !file.EndsWith(".md")) return null;
        return Anchors(File.ReadAllText(file)).Contains(anchor) ? null : "no such heading";
    }

    private static IEnumerable<string> Links(string markdown) =>
        LinkPattern().Matches(WithoutCode(markdown)).Select(m => m.Groups[1].Value);

    /// <summary>GitHub's anchors: the heading in lower case, its punctuation dropped, each space a hyphen.</summary>
    private static HashSet<string> Anchors(string markdown) =>
        WithoutCode(markdown).Split('\n').Where(line => line.StartsWith('#'))
            .Select(line => line.TrimStart('#').Trim().ToLowerInvariant())
            .Select(heading => new string(heading.Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_').ToArray()).Replace(' ', '-'))
            .ToHashSet();

    private static string WithoutCode(string markdown) => InlineCode().Replace(Fences().Replace(markdown, ""), m => m.Value.Trim('`'));

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"^```.*?^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex Fences();

    [GeneratedRegex(@"`[^`\n]*`")]
    private static partial Regex InlineCode();
}
