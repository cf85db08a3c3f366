using System.Net;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Features.Offences.List;

public sealed class ListOffencesTests
{
    [Fact]
    public async Task The_eleven_Convention_offences_and_serious_crime_are_listed()
    {
        await using var api = new ApiFactory();
        var page = await (await api.As(DemoKeys.Fra).GetAsync("/api/v1/offences")).ExpectAsync(HttpStatusCode.OK);

        var items = page["items"]!.AsArray();
        Assert.Equal(12, items.Count);
        Assert.Null(page["nextCursor"]);
        var articles = items.Where(o => o!["article"] is not null).Select(o => o!["article"]!.GetValue<int>()).Order();
        Assert.Equal(Enumerable.Range(7, 11), articles);

        var serious = Assert.Single(items, o => o!["id"].Str() == "serious-crime")!;
        Assert.Null(serious["article"]);
        Assert.Equal(4m, serious["minimumMaxPenaltyYears"]!.GetValue<decimal>());
        Assert.Equal("uncc-2-h", serious["provision"].Str());
    }

    [Fact]
    public async Task The_offences_page_as_every_list_does()
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);

        var first = await (await fra.GetAsync("/api/v1/offences?limit=5")).ExpectAsync(HttpStatusCode.OK);
        var ids = first["items"]!.AsArray().Select(o => o!["id"].Str()).ToList();
        for (var cursor = first["nextCursor"]?.GetValue<string>(); cursor is not null;)
        {
            var next = await (await fra.GetAsync($"/api/v1/offences?limit=5&cursor={cursor}")).ExpectAsync(HttpStatusCode.OK);
            ids.AddRange(next["items"]!.AsArray().Select(o => o!["id"].Str()));
            cursor = next["nextCursor"]?.GetValue<string>();
        }

        Assert.Equal(5, first["items"]!.AsArray().Count);
        var all = (await (await fra.GetAsync("/api/v1/offences")).ExpectAsync(HttpStatusCode.OK))["items"]!.AsArray().Select(o => o!["id"].Str());
        Assert.Equal(all, ids);
        await (await fra.GetAsync("/api/v1/offences?limit=0")).ExpectProblemAsync(HttpStatusCode.BadRequest);
    }
}
