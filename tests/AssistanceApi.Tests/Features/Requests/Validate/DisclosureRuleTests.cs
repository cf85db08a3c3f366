using AssistanceApi.Tests.Support;
using static AssistanceApi.Tests.Support.Bodies;
using static AssistanceApi.Tests.Support.RequestCalls;

namespace AssistanceApi.Tests.Features.Requests.Validate;

/// <summary>Expedited disclosure of traffic data names the preservation it follows (Art. 43(1)): FRA's own, to the same State, submitted.</summary>
public sealed class DisclosureRuleTests(SharedApi api) : IClassFixture<SharedApi>
{
    private const string Code = "uncc-43-1";
    private const string Name = "relatedRequestId";

    [Fact]
    public async Task A_disclosure_without_relatedRequestId_fails_43_1_at_validation_and_submit()
    {
        var fra = api.As(DemoKeys.Fra);
        await fra.AssertFindingAsync(await fra.ValidateAsync(Disclosure(null)), Code, Name);
        await fra.SubmitRejectedForAsync(Disclosure(null), Code, Name);
    }

    [Fact]
    public async Task A_disclosure_naming_a_submitted_FRA_to_DEU_preservation_passes_and_submits()
    {
        var fra = api.As(DemoKeys.Fra);
        var preservation = await fra.SubmitNewAsync(Bodies.CompletePreservation("DEU"));

        var report = await fra.ValidateAsync(Disclosure(preservation));
        report.AssertPasses(Code);
        Assert.Empty(report["findings"]!.AsArray());
        var submitted = await fra.SubmitAcceptedAsync(Disclosure(preservation));
        Assert.Equal(preservation, submitted["relatedRequestId"].Str());
    }

    [Fact]
    public async Task The_24_7_contact_point_may_build_a_disclosure_on_a_preservation_it_can_see()
    {
        var fra247 = api.As(DemoKeys.Fra247);
        var preservation = await fra247.SubmitNewAsync(Bodies.CompletePreservation("DEU"));
        (await fra247.ValidateAsync(Disclosure(preservation))).AssertPasses(Code);
        await fra247.SubmitAcceptedAsync(Disclosure(preservation));
    }

    [Fact]
    public async Task A_disclosure_naming_a_preservation_still_in_draft_fails_43_1()
    {
        var fra = api.As(DemoKeys.Fra);
        var draft = await fra.CreateDraftAsync(Bodies.CompletePreservation("DEU"));
        await fra.AssertFindingAsync(await fra.ValidateAsync(Disclosure(draft)), Code, Name);
    }

    [Fact]
    public async Task A_disclosure_naming_an_MLA_request_fails_43_1()
    {
        var fra = api.As(DemoKeys.Fra);
        var mla = await fra.SubmitNewAsync(Bodies.CompleteMla("DEU"));
        await fra.AssertFindingAsync(await fra.ValidateAsync(Disclosure(mla)), Code, Name);
        await fra.SubmitRejectedForAsync(Disclosure(mla), Code, Name);
    }

    [Fact]
    public async Task A_disclosure_asked_of_DEU_naming_a_preservation_asked_of_KEN_fails_43_1()
    {
        var fra = api.As(DemoKeys.Fra);
        var toKenya = await fra.SubmitNewAsync(Bodies.CompletePreservation("KEN"));
        await fra.AssertFindingAsync(await fra.ValidateAsync(Disclosure(toKenya, "DEU")), Code, Name);
        await fra.SubmitRejectedForAsync(Disclosure(toKenya, "DEU"), Code, Name);

        // Control: asked of KEN, the same preservation is the right one.
        (await fra.ValidateAsync(Disclosure(toKenya, "KEN"))).AssertPasses(Code);
    }

    [Fact]
    public async Task A_disclosure_naming_another_States_preservation_fails_43_1_as_if_absent()
    {
        var bra = api.As(DemoKeys.Bra);
        var braToDeu = await bra.SubmitNewAsync(Bodies.CompletePreservation("DEU"));
        var fra = api.As(DemoKeys.Fra);

        // FRA cannot see BRA's preservation: naming it is like naming nothing.
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await fra.GetAsync($"{RequestsUrl}/{braToDeu}")).StatusCode);
        var report = await fra.ValidateAsync(Disclosure(braToDeu));
        var finding = await fra.AssertFindingAsync(report, Code, Name);
        var absent = await fra.ValidateAsync(Disclosure(Guid.NewGuid().ToString()));
        Assert.Equal(finding.ToJsonString(), absent.WithCode(Code).Single().ToJsonString());
        await fra.SubmitRejectedForAsync(Disclosure(braToDeu), Code, Name);

        // BRA itself may build on it.
        (await bra.ValidateAsync(Disclosure(braToDeu))).AssertPasses(Code);
    }
}
