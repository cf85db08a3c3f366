using AssistanceApi.Domain;
using AssistanceApi.Treaty.Rules;
using static AssistanceApi.Tests.Treaty.Rules.RuleKit;

namespace AssistanceApi.Tests.Treaty.Rules;

public sealed class DisclosureRulesTests
{
    [Fact]
    public void FollowsPreservation_passes_for_the_submitted_preservation_between_the_same_States() =>
        Assert.Empty(DisclosureRules.FollowsPreservation.Breaches(Context(Disclosure(), related: SubmittedPreservation())));

    [Fact]
    public void FollowsPreservation_fails_without_a_visible_related_request() =>
        Assert.Equal(["relatedRequestId"], DisclosureRules.FollowsPreservation.Breaches(Context(Disclosure(), related: null)));

    public static TheoryData<RelatedRequest> NotTheRightPreservation => new()
    {
        SubmittedPreservation() with { Kind = RequestKind.MutualLegalAssistance },
        SubmittedPreservation() with { RequestingState = "BEL" },
        SubmittedPreservation() with { RequestedState = "BRA" },
        SubmittedPreservation() with { Status = RequestStatus.Draft },
        SubmittedPreservation() with { Status = RequestStatus.Discarded },
    };

    [Theory]
    [MemberData(nameof(NotTheRightPreservation))]
    public void FollowsPreservation_fails_for_another_request(RelatedRequest related) =>
        Assert.Equal(["relatedRequestId"], DisclosureRules.FollowsPreservation.Breaches(Context(Disclosure(), related: related)));
}
