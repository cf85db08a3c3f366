using System.Text.Json.Nodes;
using RuleSet = AssistanceApi.Treaty.TreatyRules;

namespace AssistanceApi.Tests.Treaty;

/// <summary>Every rule cites a provision the catalogue (seeds/provisions.json) holds, so every error code resolves.</summary>
public sealed class CatalogueTests
{
    private static HashSet<string> ProvisionIds()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "seeds", "provisions.json");
        Assert.True(File.Exists(path), $"the seeds are copied to the test output: {path}");
        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        return json["provisions"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()).ToHashSet();
    }

    [Fact]
    public void Every_treaty_rule_cites_a_provision_in_the_catalogue()
    {
        var ids = ProvisionIds();
        Assert.NotEmpty(RuleSet.All);
        var missing = RuleSet.All.Select(r => r.ProvisionId).Where(id => !ids.Contains(id)).Distinct().ToList();
        Assert.True(missing.Count == 0, $"rules cite provisions missing from seeds/provisions.json: {string.Join(", ", missing)}");
        Assert.Contains(AssistanceApi.Treaty.Citations.OtherState, ids);
    }

    [Fact]
    public void Every_rule_of_contract_section_6_implemented_so_far_is_in_the_rule_set()
    {
        string[] expected =
        [
            "uncc-65-1", "uncc-40-13", "uncc-41-1", "uncc-40-14",
            "uncc-40-15-a", "uncc-40-15-b", "uncc-40-15-c", "uncc-40-15-d", "uncc-40-15-e", "uncc-40-15-f",
            "uncc-35-1", "uncc-40-25", "uncc-2-o", "uncc-40-9",
        ];
        var ids = RuleSet.All.Select(r => r.ProvisionId).ToHashSet();
        foreach (var id in expected) Assert.Contains(id, ids);
    }

    [Fact]
    public void The_where_possible_and_dual_criminality_rules_warn_and_the_others_block()
    {
        string[] warnings = ["uncc-40-15-e", "uncc-40-9"];
        string[] errors =
        [
            "uncc-65-1", "uncc-40-13", "uncc-41-1", "uncc-40-14", "uncc-40-15-a", "uncc-40-15-b", "uncc-40-15-c",
            "uncc-40-15-d", "uncc-40-15-f", "uncc-35-1", "uncc-40-25", "uncc-2-o",
        ];
        foreach (var rule in RuleSet.All.Where(r => warnings.Contains(r.ProvisionId)))
            Assert.Equal(AssistanceApi.Treaty.Severity.Warning, rule.Severity);
        foreach (var rule in RuleSet.All.Where(r => errors.Contains(r.ProvisionId)))
            Assert.Equal(AssistanceApi.Treaty.Severity.Error, rule.Severity);
        Assert.All(RuleSet.All, r => Assert.NotEmpty(r.AppliesTo));
    }
}
