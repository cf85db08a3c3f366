using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Features.Requests.AcceptConditions;

/// <summary>Conditions the requesting State accepts bind the request (Art. 40(27)).</summary>
public sealed class AcceptConditionsTests(SharedApi api) : IClassFixture<SharedApi>
{
    [Fact]
    public async Task Accepted_conditions_bind_the_request()
    {
        var c = await Case.AtAsync(api, "in-execution");
        await c.ActAsync(c.Deu, "consult", new JsonObject
        {
            ["intent"] = "postpone", ["proposedConditions"] = new JsonArray("Use only in PNC-2026-42", "Return the originals"), ["reasons"] = "A trial.",
        });
        Assert.Null((await c.GetAsync(c.Fra))["conditions"]);

        var accepted = await c.ActAsync(c.Fra, "accept-conditions", new JsonObject { ["comment"] = "Agreed." });

        Assert.Equal("in-execution", accepted["status"].Str());
        Assert.Equal(["Use only in PNC-2026-42", "Return the originals"], accepted["conditions"].Strings());
        Assert.Equal(["Use only in PNC-2026-42", "Return the originals"], (await c.GetAsync(c.Deu))["conditions"].Strings());
        Assert.Equal("accepted", accepted["consultation"]!["answer"].Str());
    }
}
