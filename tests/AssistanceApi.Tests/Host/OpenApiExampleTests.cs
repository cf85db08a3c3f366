using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Host;

/// <summary>
/// The document's examples work as documented: Swagger UI's "Try it out" with the create example, then the patch
/// example under If-Match, gives a request that submits cleanly.
/// </summary>
public sealed class OpenApiExampleTests(SharedApi api) : IClassFixture<SharedApi>
{
    [Fact]
    public async Task The_create_example_then_the_patch_example_submits_cleanly()
    {
        var doc = await (await api.As(null).GetAsync("/swagger/v1/swagger.json")).ExpectAsync(HttpStatusCode.OK);
        var create = doc["components"]!["schemas"]!["RequestContent"]!["example"]!.DeepClone();
        var patch = doc["paths"]!["/api/v1/requests/{id}"]!["patch"]!["requestBody"]!["content"]!["application/merge-patch+json"]!["example"]!.DeepClone();
        var fra = api.As(DemoKeys.Fra);

        var created = await fra.PostJsonAsync("/api/v1/requests", create);
        var draft = await created.ExpectAsync(HttpStatusCode.Created);
        var id = draft["id"].Str();
        await (await fra.PatchJsonAsync($"/api/v1/requests/{id}", patch, created.ETag())).ExpectAsync(HttpStatusCode.OK);
        var submitted = await (await fra.SubmitAsync(id)).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("submitted", submitted["status"].Str());
    }
}
