using System.Reflection;
using AssistanceApi.Domain;
using AssistanceApi.Treaty;
using AssistanceApi.Treaty.Rules;
using static AssistanceApi.Tests.Treaty.Rules.RuleKit;

namespace AssistanceApi.Tests.Treaty.Rules;

/// <summary>The rule set as a whole: what each rule rests on, and Art. 40(7) for requests resting on another treaty.</summary>
public sealed class TreatyRulesTests
{
    private static readonly Dictionary<TreatyRule, BasisKind> ExpectedBasis = new(ReferenceEqualityComparer.Instance)
    {
        [StatusRules.ConventionInForce] = BasisKind.Treaty,
        [StatusRules.CentralAuthorityDesignated] = BasisKind.Treaty,
        [StatusRules.ContactPointDesignated] = BasisKind.Design,
        [StatusRules.AcceptedLanguage] = BasisKind.Treaty,
        [ContentRules.RequestingAuthority] = BasisKind.Treaty,
        [ContentRules.Proceeding] = BasisKind.Treaty,
        [ContentRules.Facts] = BasisKind.Treaty,
        [ContentRules.AssistanceSought] = BasisKind.Treaty,
        [ContentRules.PersonsConcerned] = BasisKind.Treaty,
        [ContentRules.Purpose] = BasisKind.Treaty,
        [OffenceRules.InScope] = BasisKind.Treaty,
        [OffenceRules.InterceptionInScope] = BasisKind.Treaty,
        [TimingRules.ReasonedDeadline] = BasisKind.Design,
        [TimingRules.EmergencyJustified] = BasisKind.Design,
        [DualCriminalityRules.CoerciveMeasureWarning] = BasisKind.Treaty,
        [PreservationRules.Authority] = BasisKind.Treaty,
        [PreservationRules.OffenceAndFacts] = BasisKind.Treaty,
        [PreservationRules.DataAndRelationship] = BasisKind.Treaty,
        [PreservationRules.CustodianOrLocation] = BasisKind.Treaty,
        [PreservationRules.Necessity] = BasisKind.Treaty,
        [PreservationRules.FollowUpIntended] = BasisKind.Treaty,
        [PreservationRules.MinimumPeriod] = BasisKind.Treaty,
        [DisclosureRules.FollowsPreservation] = BasisKind.Treaty,
        [ElectronicEvidenceRules.StoredDataNamed] = BasisKind.Design,
        [ElectronicEvidenceRules.RealTimeTraffic] = BasisKind.Treaty,
        [ElectronicEvidenceRules.ContentInterception] = BasisKind.Treaty,
        [ElectronicEvidenceRules.UndeclaredRealTimeTraffic] = BasisKind.Design,
        [ElectronicEvidenceRules.UndeclaredInterception] = BasisKind.Design,
        [DocumentRules.RequestLetter] = BasisKind.Treaty,
    };

    [Fact]
    public void Every_rule_declared_in_the_rule_classes_is_in_the_rule_set_and_has_an_expected_basis()
    {
        var declared = typeof(TreatyRule).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(TreatyRule).Namespace && t is { IsAbstract: true, IsSealed: true })
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(TreatyRule)))
            .Select(f => (TreatyRule)f.GetValue(null)!)
            .ToList();
        Assert.Equal(declared.Count, TreatyRules.All.Count);
        Assert.All(declared, rule => Assert.Contains(rule, TreatyRules.All));
        Assert.Equal(TreatyRules.All.Count, ExpectedBasis.Count);
        Assert.All(TreatyRules.All, rule => Assert.True(ExpectedBasis.ContainsKey(rule), $"no expected basis for a rule citing {rule.ProvisionId}"));
    }

    [Fact]
    public void Every_rule_declares_the_expected_basis()
    {
        foreach (var (rule, basis) in ExpectedBasis) Assert.True(basis == rule.Basis, $"{rule.ProvisionId}: expected {basis}, declared {rule.Basis}");
    }

    [Fact]
    public void A_finding_shows_the_basis_with_the_catalogues_verification()
    {
        var rules = new TreatyRules(Catalogue(verified: "uncc-40-14"));
        var findings = rules.Evaluate(Context(Mla() with { Language = "fr", Purpose = null, Emergency = true }));

        Assert.Equal(new RuleBasis(BasisKind.Treaty, "uncc-40-14", true), findings.Single(f => f.Code == "uncc-40-14").Basis);
        Assert.Equal(new RuleBasis(BasisKind.Treaty, "uncc-40-15-f", false), findings.Single(f => f.Code == "uncc-40-15-f").Basis);
        Assert.Equal(new RuleBasis(BasisKind.Design, "uncc-2-o", false), findings.Single(f => f.Code == "uncc-2-o").Basis);
    }

    [Fact]
    public void A_complete_request_of_each_kind_has_no_finding()
    {
        var rules = new TreatyRules(Catalogue());
        Assert.Empty(rules.Evaluate(Context(Mla())));
        Assert.Empty(rules.Evaluate(Context(Preservation())));
        Assert.Empty(rules.Evaluate(Context(Disclosure(), related: SubmittedPreservation())));
    }

    [Fact]
    public void The_paragraphs_Art_40_7_displaces_are_those_of_Art_40_9_to_29()
    {
        var catalogue = Catalogue();
        var displaced = TreatyRules.All.Select(r => r.ProvisionId).Distinct()
            .Where(id => OtherTreatyPrecedence.Displaces(catalogue[id])).Order().ToArray();
        Assert.Equal(
            ["uncc-40-13", "uncc-40-14", "uncc-40-15-a", "uncc-40-15-b", "uncc-40-15-c", "uncc-40-15-d", "uncc-40-15-e", "uncc-40-15-f", "uncc-40-25", "uncc-40-9"],
            displaced);
    }

    /// <summary>To a State without a central authority, in a language it does not accept, with no purpose, a deadline without reasons, no offence and an unjustified emergency.</summary>
    private static RequestDetails Flawed(LegalBasis basis) =>
        Mla() with { LegalBasis = basis, Language = "fr", Purpose = null, Deadline = Today.AddDays(10), Offences = null, Emergency = true };

    private static readonly State WithoutCentralAuthority = Party("DEU") with { HasCentralAuthority = false };

    [Fact]
    public void With_a_bilateral_treaty_the_rules_of_Art_40_9_to_29_only_warn_and_say_why()
    {
        var findings = new TreatyRules(Catalogue()).Evaluate(Context(Flawed(LegalBasis.BilateralTreaty), WithoutCentralAuthority));

        var warned = findings.Where(f => f.Severity == Severity.Warning).ToList();
        Assert.Equal(["uncc-40-13", "uncc-40-14", "uncc-40-15-f", "uncc-40-25"], warned.Select(f => f.Code).Distinct().Order().ToArray());
        Assert.All(warned, f => Assert.EndsWith(
            "Only a warning: the request rests on a treaty of mutual legal assistance between the two States, which applies instead of this paragraph (UNCC Art. 40(7)).",
            f.Reason, StringComparison.Ordinal));
        Assert.All(warned, f => Assert.StartsWith($"UNCC Art. 40(", f.Reason, StringComparison.Ordinal));
        Assert.Equal(["uncc-2-o", "uncc-35-1"], findings.Where(f => f.Severity == Severity.Error).Select(f => f.Code).Distinct().Order().ToArray());
    }

    [Theory]
    [InlineData(LegalBasis.Convention)]
    [InlineData(LegalBasis.Reciprocity)]
    public void Without_a_bilateral_treaty_the_same_rules_block(LegalBasis basis)
    {
        var findings = new TreatyRules(Catalogue()).Evaluate(Context(Flawed(basis), WithoutCentralAuthority));
        Assert.All(findings, f => Assert.Equal(Severity.Error, f.Severity));
        Assert.All(findings, f => Assert.DoesNotContain("Art. 40(7)", f.Reason, StringComparison.Ordinal));
        foreach (var code in new[] { "uncc-40-13", "uncc-40-14", "uncc-40-15-f", "uncc-40-25", "uncc-2-o", "uncc-35-1" })
            Assert.Contains(findings, f => f.Code == code);
    }

    [Fact]
    public void A_bilateral_treaty_leaves_the_rules_outside_Art_40_blocking()
    {
        var preservation = Preservation() with { LegalBasis = LegalBasis.BilateralTreaty, Preservation = Preservation().Preservation! with { PeriodDays = 30 } };
        var findings = new TreatyRules(Catalogue()).Evaluate(Context(preservation, Party("DEU") with { HasContactPoint = false }));
        Assert.Equal(["uncc-41-1", "uncc-42-7"], findings.Select(f => f.Code).Order().ToArray());
        Assert.All(findings, f => Assert.Equal(Severity.Error, f.Severity));
    }

    [Theory]
    [InlineData(LegalBasis.Convention)]
    [InlineData(LegalBasis.BilateralTreaty)]
    public void A_warning_rule_stays_the_same_warning_whatever_the_legal_basis(LegalBasis basis)
    {
        var finding = new TreatyRules(Catalogue()).Evaluate(Context(Mla() with { LegalBasis = basis, Persons = null })).Single();
        Assert.Equal((Severity.Warning, "uncc-40-15-e"), (finding.Severity, finding.Code));
        Assert.Equal("UNCC Art. 40(15)(e): where possible, give the identity, location and nationality of any person concerned.", finding.Reason);
    }
}
