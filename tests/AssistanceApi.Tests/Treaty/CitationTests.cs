using System.Net;
using System.Reflection;
using AssistanceApi.Tests.Support;
using AssistanceApi.Treaty;

namespace AssistanceApi.Tests.Treaty;

public sealed class CitationTests
{
    /// <summary>Every provision an action body or drafting cites resolves in the catalogue.</summary>
    [Fact]
    public async Task Every_citation_outside_the_rule_set_is_in_the_catalogue()
    {
        var ids = typeof(Citations).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.Equal(12, ids.Count);

        await using var api = new ApiFactory();
        var client = api.As(DemoKeys.Fra);
        foreach (var id in ids)
        {
            var provision = await (await client.GetAsync($"/api/v1/provisions/{id}")).ExpectAsync(HttpStatusCode.OK);
            Assert.Equal(id, provision["id"].Str());
        }
    }
}
