using System.Net;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Http;

/// <summary>A query parameter an operation does not take is named in a 400, not ignored: a typo no longer widens a list.</summary>
public sealed class QueryRulesTests(SharedApi api) : IClassFixture<SharedApi>
{
    [Theory]
    [InlineData("/api/v1/requests?directon=incoming", "directon", "expected one of: counterpart, cursor, direction, expiringWithinDays, kind, limit, overdue, status")]
    [InlineData("/api/v1/requests?Direction=incoming", "Direction", "names are case-sensitive")]
    [InlineData("/api/v1/requests?direction=incoming&foo=bar", "foo", "expected one of")]
    [InlineData("/api/v1/states?partie=true", "partie", "expected one of: cursor, limit, party")]
    [InlineData("/api/v1/states/FRA?x=1", "x", "takes no query parameters")]
    [InlineData("/api/v1/events?after=&typs=request.submitted", "typs", "expected one of: after, limit, types")]
    public async Task A_query_parameter_the_operation_does_not_take_is_a_400_naming_it(string url, string name, string said)
    {
        var problem = await (await api.As(DemoKeys.Fra).GetAsync(url)).ExpectProblemAsync(HttpStatusCode.BadRequest);

        var error = Assert.Single(problem["errors"]!.AsArray())!;
        Assert.Equal(name, error["name"].Str());
        Assert.Equal("unknown-field", error["code"].Str());
        Assert.Contains(said, error["reason"].Str());
    }

    [Fact]
    public async Task The_statistics_of_the_secretariat_refuse_an_unknown_parameter_too() =>
        await (await api.As(DemoKeys.Secretariat).GetAsync("/api/v1/statistics?foo=bar")).ExpectProblemAsync(HttpStatusCode.BadRequest, "invalid-input");

    [Fact]
    public async Task A_draft_discarded_with_a_query_is_a_400_and_stays()
    {
        var fra = api.As(DemoKeys.Fra);
        var id = await fra.CreateDraftAsync(Bodies.MinimalDraft());

        await (await fra.DeleteAsync($"/api/v1/requests/{id}?force=true")).ExpectProblemAsync(HttpStatusCode.BadRequest);

        await (await fra.GetAsync($"/api/v1/requests/{id}")).ExpectAsync(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/api/v1/requests?direction=incoming&limit=5")]
    [InlineData("/api/v1/states?party=true")]
    [InlineData("/api/v1/provisions?article=40")]
    public async Task The_parameters_an_operation_documents_are_taken(string url) =>
        await (await api.As(DemoKeys.Fra).GetAsync(url)).ExpectAsync(HttpStatusCode.OK);
}
