using System.Net;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Features.Requests.Get;

public sealed class GetRequestTests(SharedApi api) : IClassFixture<SharedApi>
{
    [Fact]
    public async Task A_request_is_read_with_its_version_as_ETag()
    {
        var fra = api.As(DemoKeys.Fra);
        var id = await fra.CreateDraftAsync(Bodies.CompleteMla());

        var response = await fra.GetRequestAsync(id);
        var request = await response.ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("\"1\"", response.Headers.ETag?.ToString());
        Assert.Equal(id, request["id"].Str());
        Assert.Equal(1, request["version"]!.GetValue<int>());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("not-a-uuid")]
    [InlineData("12345")]
    public async Task An_id_that_is_not_a_uuid_is_a_400_naming_id(string id)
    {
        var problem = await (await api.As(DemoKeys.Fra).GetRequestAsync(id)).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["id"], problem.Names());
    }

    [Fact]
    public async Task An_unknown_id_is_a_404_problem()
    {
        var problem = await (await api.As(DemoKeys.Fra).GetRequestAsync(Guid.CreateVersion7().ToString()))
            .ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Null(problem["errors"]);
    }
}
