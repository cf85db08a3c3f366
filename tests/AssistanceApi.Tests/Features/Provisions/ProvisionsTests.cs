using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Features.Provisions;

public sealed class ProvisionsTests(SharedApi api) : IClassFixture<SharedApi>
{
    [Fact]
    public async Task The_list_pages_through_the_whole_catalogue_once()
    {
        var client = api.As(DemoKeys.Fra);
        var first = await (await client.GetAsync("/api/v1/provisions")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(50, first["items"]!.AsArray().Count);
        Assert.NotNull(first["nextCursor"]);

        var ids = new List<string>();
        var url = "/api/v1/provisions?limit=37";
        while (true)
        {
            var page = await (await client.GetAsync(url)).ExpectAsync(HttpStatusCode.OK);
            ids.AddRange(page["items"]!.AsArray().Select(p => p!["id"].Str()));
            if (page["nextCursor"]?.GetValue<string>() is not { } cursor) break;
            url = $"/api/v1/provisions?limit=37&cursor={cursor}";
        }
        var all = await (await client.GetAsync("/api/v1/provisions?limit=200")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(all["items"]!.AsArray().Select(p => p!["id"].Str()), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Contains("uncc-40-15-c", ids);
    }

    [Fact]
    public async Task Article_40_lists_only_the_provisions_of_Art_40()
    {
        var page = await (await api.As(DemoKeys.Fra).GetAsync("/api/v1/provisions?article=40&limit=200")).ExpectAsync(HttpStatusCode.OK);

        var items = page["items"]!.AsArray();
        Assert.NotEmpty(items);
        Assert.All(items, p => Assert.Equal(40, p!["article"]!.GetValue<int>()));
        var ids = items.Select(p => p!["id"].Str()).ToList();
        Assert.Contains("uncc-40", ids);
        Assert.Contains("uncc-40-15-a", ids);
        Assert.DoesNotContain("uncc-4", ids);
        Assert.DoesNotContain(ids, id => id.StartsWith("uncc-41", StringComparison.Ordinal));
    }

    [Fact]
    public async Task One_provision_shows_its_numbering_and_model()
    {
        var p = await (await api.As(DemoKeys.Fra).GetAsync("/api/v1/provisions/uncc-40-15-c")).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("uncc-40-15-c", p["id"].Str());
        Assert.Equal("UNCC", p["instrument"].Str());
        Assert.Equal(40, p["article"]!.GetValue<int>());
        Assert.Equal("15", p["paragraph"].Str());
        Assert.Equal("c", p["item"].Str());
        Assert.False(p["verified"]!.GetValue<bool>());
        Assert.Equal("UNTOC 18(15)(c)", p["modelledOn"].Str());
        Assert.False(string.IsNullOrEmpty(p["title"]?.GetValue<string>()));
    }

    [Theory]
    [InlineData("uncc-99-1")]
    [InlineData("invalid-state-code")]
    public async Task An_unknown_provision_is_a_404_problem(string id)
    {
        await (await api.As(DemoKeys.Fra).GetAsync($"/api/v1/provisions/{id}")).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(68)]
    public async Task The_first_and_last_articles_of_the_Convention_may_be_listed(int article)
    {
        var page = await (await api.As(DemoKeys.Fra).GetAsync($"/api/v1/provisions?article={article}&limit=200")).ExpectAsync(HttpStatusCode.OK);
        Assert.All(Assert.IsType<JsonArray>(page["items"]), p => Assert.Equal(article, p!["article"]!.GetValue<int>()));
    }

    [Theory]
    [InlineData("article=abc", "article")]
    [InlineData("article=0", "article")]
    [InlineData("article=69", "article")]
    [InlineData("limit=0", "limit")]
    public async Task Ill_formed_list_parameters_are_a_400(string query, string name)
    {
        var problem = await (await api.As(DemoKeys.Fra).GetAsync($"/api/v1/provisions?{query}")).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(name, problem.Names());
    }
}
