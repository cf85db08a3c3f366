using System.Net;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Host;

public sealed class SmokeTests
{
    [Fact]
    public async Task A_complete_request_is_drafted_and_submitted()
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);
        var id = await fra.CreateDraftAsync(Bodies.CompleteMla());
        var submitted = await (await fra.PostAsync($"/api/v1/requests/{id}/submit", null)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("submitted", submitted["status"].Str());
        Assert.Equal("FRA-DEU-2026-000001", submitted["reference"].Str());
    }
}
