using System.Net;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Features.States.List;

public sealed class ListStatesTests(SharedApi api) : IClassFixture<SharedApi>
{
    [Fact]
    public async Task The_first_page_has_50_States_and_a_cursor()
    {
        var page = await (await api.As(DemoKeys.Fra).GetAsync("/api/v1/states")).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(50, page["items"]!.AsArray().Count);
        Assert.False(string.IsNullOrEmpty(page["nextCursor"]?.GetValue<string>()));
        Assert.Equal("AFG", page["items"]![0]!["code"].Str());
    }

    [Fact]
    public async Task Paging_with_the_cursor_walks_all_193_States_once_in_code_order()
    {
        var client = api.As(DemoKeys.Fra);
        var codes = new List<string>();
        var url = "/api/v1/states";
        for (var pages = 1; ; pages++)
        {
            Assert.True(pages <= 4, "193 States at 50 a page take 4 pages");
            var page = await (await client.GetAsync(url)).ExpectAsync(HttpStatusCode.OK);
            codes.AddRange(page["items"]!.AsArray().Select(s => s!["code"].Str()));
            var cursor = page["nextCursor"]?.GetValue<string>();
            if (cursor is null) break;
            url = $"/api/v1/states?cursor={cursor}";
        }

        Assert.Equal(193, codes.Count);
        Assert.Equal(193, codes.Distinct().Count());
        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
    }

    [Fact]
    public async Task Limit_200_returns_all_193_and_no_cursor()
    {
        var page = await (await api.As(DemoKeys.Fra).GetAsync("/api/v1/states?limit=200")).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(193, page["items"]!.AsArray().Count);
        Assert.Null(page["nextCursor"]);
    }

    [Fact]
    public async Task Party_true_lists_exactly_the_six_demo_Parties()
    {
        var page = await (await api.As(DemoKeys.Fra).GetAsync("/api/v1/states?party=true")).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(["BRA", "DEU", "FRA", "KEN", "QAT", "VNM"], page["items"]!.AsArray().Select(s => s!["code"].Str()));
        Assert.All(page["items"]!.AsArray(), s => Assert.Equal("party", s!["convention"]!["status"].Str()));
        Assert.Null(page["nextCursor"]);
    }

    [Fact]
    public async Task Party_false_lists_the_other_187()
    {
        var page = await (await api.As(DemoKeys.Fra).GetAsync("/api/v1/states?party=false&limit=200")).ExpectAsync(HttpStatusCode.OK);

        var codes = page["items"]!.AsArray().Select(s => s!["code"].Str()).ToList();
        Assert.Equal(187, codes.Count);
        Assert.Contains("NOR", codes);
        Assert.DoesNotContain("FRA", codes);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("limit=-1", "limit")]
    [InlineData("limit=abc", "limit")]
    [InlineData("cursor=!!!", "cursor")]
    [InlineData("party=maybe", "party")]
    public async Task Ill_formed_query_parameters_are_a_400_naming_the_parameter(string query, string name)
    {
        var problem = await (await api.As(DemoKeys.Fra).GetAsync($"/api/v1/states?{query}")).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(name, problem.Names());
    }
}
