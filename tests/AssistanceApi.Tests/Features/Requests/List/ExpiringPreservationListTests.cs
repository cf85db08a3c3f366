using System.Net;
using AssistanceApi.Tests.Support;
using static AssistanceApi.Tests.Support.BodyParts;
using static AssistanceApi.Tests.Support.Preservations;
using static AssistanceApi.Tests.Support.RequestCalls;

namespace AssistanceApi.Tests.Features.Requests.List;

/// <summary>GET /requests?expiringWithinDays=N: preserved requests whose preservation ends within N days and is not held by a follow-up.</summary>
public sealed class ExpiringPreservationListTests(SharedApi api) : IClassFixture<SharedApi>
{
    [Fact]
    public async Task ExpiringWithinDays_lists_only_preservations_ending_within_the_window()
    {
        await using var api = new ApiFactory();
        var host = api.WithoutSweeper();
        var (fra, deu) = (host.As(DemoKeys.Fra), host.As(DemoKeys.Deu));

        var soon = await PreservedIdAsync(fra, deu, "2027-01-26");
        var later = await PreservedIdAsync(fra, deu, "2027-03-31");
        var released = await PreservedIdAsync(fra, deu, "2027-01-27");
        await deu.ActAsync(released, "release", Reason("The host handed the logs over voluntarily."));
        var held = await PreservedIdAsync(fra, deu, "2027-01-27");
        var followUp = await fra.SubmitNewAsync(Bodies.FollowUpMla(held));
        var acknowledgedOnly = await fra.SubmitNewAsync(Bodies.CompletePreservation());
        await deu.ActAsync(acknowledgedOnly, "acknowledge");

        // 2027-01-20T10:00Z: the window of 10 days runs to 2027-01-30.
        api.AdvanceTo(new DateTimeOffset(2027, 1, 20, 10, 0, 0, TimeSpan.Zero));
        Assert.Equal([soon], await fra.FirstPageIdsAsync("expiringWithinDays=10"));
        Assert.Equal([soon], await deu.FirstPageIdsAsync("expiringWithinDays=10"));
        Assert.Equal([soon], await deu.FirstPageIdsAsync("direction=incoming&expiringWithinDays=10"));
        Assert.Empty(await deu.FirstPageIdsAsync("direction=outgoing&expiringWithinDays=10"));
        Assert.Equal([soon], await host.As(DemoKeys.Deu247).FirstPageIdsAsync("expiringWithinDays=10"));

        // A wider window takes in the later one; never the released one, the one held by a follow-up, or one not preserved.
        var wide = await fra.FirstPageIdsAsync("expiringWithinDays=100");
        Assert.Equal([later, soon], wide);
        Assert.DoesNotContain(released, wide);
        Assert.DoesNotContain(held, wide);
        Assert.DoesNotContain(acknowledgedOnly, wide);
        Assert.DoesNotContain(followUp, wide);

        // A window that ends before any preservation does lists nothing.
        Assert.Empty(await fra.FirstPageIdsAsync("expiringWithinDays=0"));
        Assert.Empty(await fra.FirstPageIdsAsync("expiringWithinDays=5"));
    }

    [Fact]
    public async Task A_lapsed_preservation_is_no_longer_expiring_but_expired()
    {
        await using var api = new ApiFactory();
        var host = api.WithoutSweeper();
        var (fra, deu) = (host.As(DemoKeys.Fra), host.As(DemoKeys.Deu));
        var soon = await PreservedIdAsync(fra, deu, "2027-01-26");

        api.AdvanceTo(new DateTimeOffset(2027, 1, 26, 23, 0, 0, TimeSpan.Zero));
        Assert.Equal([soon], await fra.FirstPageIdsAsync("expiringWithinDays=1"));
        api.AdvanceTo(new DateTimeOffset(2027, 1, 27, 0, 0, 0, TimeSpan.Zero));
        Assert.Empty(await fra.FirstPageIdsAsync("expiringWithinDays=1"));
        Assert.Equal([soon], await fra.FirstPageIdsAsync("status=expired"));
    }

    [Fact]
    public async Task An_extension_takes_a_preservation_out_of_the_window()
    {
        await using var api = new ApiFactory();
        var host = api.WithoutSweeper();
        var (fra, deu) = (host.As(DemoKeys.Fra), host.As(DemoKeys.Deu));
        var id = await PreservedIdAsync(fra, deu, "2027-01-26");
        api.AdvanceTo(new DateTimeOffset(2027, 1, 20, 10, 0, 0, TimeSpan.Zero));
        Assert.Equal([id], await deu.FirstPageIdsAsync("expiringWithinDays=14"));
        await fra.ActAsync(id, "extend", Until("2027-04-30"));
        Assert.Empty(await deu.FirstPageIdsAsync("expiringWithinDays=14"));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("3651")]
    [InlineData("soon")]
    public async Task An_invalid_window_is_a_400(string days)
    {
        await (await api.As(DemoKeys.Fra).GetAsync($"{RequestsUrl}?expiringWithinDays={days}")).ExpectProblemAsync(HttpStatusCode.BadRequest);
    }
}
