using System.Text.RegularExpressions;
using AssistanceApi.Domain.Events;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Domain.Events;

/// <summary>docs/events.md documents the closed list of event types: exactly the types the code defines.</summary>
public sealed partial class EventTypeDocsTests
{
    [Fact]
    public void The_documented_types_are_exactly_the_defined_ones()
    {
        var documented = File.ReadLines(RepoRoot.File("docs", "events.md"))
            .Select(line => TableRow().Match(line))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .ToList();

        Assert.Equal(documented.Count, documented.Distinct().Count());
        Assert.Equal(EventTypes.All.Select(t => t.Name).Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    [GeneratedRegex(@"^\| `([a-z.-]+)` \|")]
    private static partial Regex TableRow();
}
