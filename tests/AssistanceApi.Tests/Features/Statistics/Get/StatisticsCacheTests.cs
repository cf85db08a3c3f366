using System.Net;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Features.Statistics.Get;

public sealed class StatisticsCacheTests
{
    private static async Task<long> SubmittedAsync(ApiFactory api) =>
        (await (await api.As(DemoKeys.Secretariat).GetAsync("/api/v1/statistics")).ExpectAsync(HttpStatusCode.OK))["pairs"]!
        .AsArray().Sum(p => p!["submitted"]!.GetValue<long>());

    [Fact]
    public async Task A_report_is_kept_for_the_configured_seconds()
    {
        await using var api = new ApiFactory();
        api.Settings["Statistics:CacheSeconds"] = "60";
        await api.As(DemoKeys.Fra).SubmitNewAsync(Bodies.CompleteMla());
        Assert.Equal(1, await SubmittedAsync(api));

        await api.As(DemoKeys.Fra).SubmitNewAsync(Bodies.CompleteMla());
        Assert.Equal(1, await SubmittedAsync(api));
    }

    [Fact]
    public async Task Past_its_age_a_report_is_served_at_once_while_one_refresh_brings_the_next()
    {
        await using var api = new ApiFactory();
        api.Settings["Statistics:CacheSeconds"] = "60";
        await api.As(DemoKeys.Fra).SubmitNewAsync(Bodies.CompleteMla());
        Assert.Equal(1, await SubmittedAsync(api));
        await api.As(DemoKeys.Fra).SubmitNewAsync(Bodies.CompleteMla());

        api.Clock.Advance(TimeSpan.FromSeconds(61));
        // The caller that finds the report too old is not made to wait for the aggregation: it gets the kept one.
        Assert.Equal(1, await SubmittedAsync(api));

        // The refresh runs in the background; the calls after it lands get the new report.
        var seen = 1L;
        for (var i = 0; i < 250 && seen == 1; i++)
        {
            await Task.Delay(20);
            seen = await SubmittedAsync(api);
        }
        Assert.Equal(2, seen);
    }

    [Fact]
    public async Task Without_a_cache_every_report_is_computed_afresh()
    {
        await using var api = new ApiFactory();
        api.Settings["Statistics:CacheSeconds"] = "0";
        await api.As(DemoKeys.Fra).SubmitNewAsync(Bodies.CompleteMla());
        Assert.Equal(1, await SubmittedAsync(api));

        await api.As(DemoKeys.Fra).SubmitNewAsync(Bodies.CompleteMla());
        Assert.Equal(2, await SubmittedAsync(api));
    }
}
