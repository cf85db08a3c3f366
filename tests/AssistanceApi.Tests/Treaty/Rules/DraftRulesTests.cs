using AssistanceApi.Domain;
using AssistanceApi.Treaty;
using static AssistanceApi.Tests.Treaty.Rules.RuleKit;

namespace AssistanceApi.Tests.Treaty.Rules;

public sealed class DraftRulesTests
{
    [Fact]
    public void A_request_to_another_State_passes() => Assert.Null(DraftRules.ToOwnState("FRA", "DEU", Catalogue()));

    [Fact]
    public void A_request_to_the_requesting_State_itself_breaks_Art_40_1()
    {
        var finding = DraftRules.ToOwnState("FRA", "FRA", Catalogue())!;
        Assert.Equal((Severity.Error, "uncc-40-1", "requestedState"), (finding.Severity, finding.Code, finding.Name));
        Assert.StartsWith("UNCC Art. 40(1): ", finding.Reason, StringComparison.Ordinal);
        Assert.Equal(BasisKind.Treaty, finding.Basis.Kind);
    }

    [Theory]
    [InlineData(RequestKind.ExpeditedPreservation)]
    [InlineData(RequestKind.TrafficDataDisclosure)]
    public void A_contact_point_drafts_the_expedited_kinds(RequestKind kind)
    {
        Assert.True(DraftRules.ContactPointHandles(kind));
        Assert.Null(DraftRules.OutsideContactPointChannel(kind, Catalogue()));
    }

    [Fact]
    public void A_contact_point_does_not_draft_mutual_legal_assistance()
    {
        Assert.False(DraftRules.ContactPointHandles(RequestKind.MutualLegalAssistance));
        var finding = DraftRules.OutsideContactPointChannel(RequestKind.MutualLegalAssistance, Catalogue())!;
        Assert.Equal("uncc-41-1", finding.Code);
        Assert.StartsWith("UNCC Art. 41(1): a 24/7 point of contact may draft only", finding.Reason, StringComparison.Ordinal);
    }
}
