using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;
using static AssistanceApi.Tests.Support.LifecycleTable;

namespace AssistanceApi.Tests.Features.Requests.DeclineConditions;

/// <summary>Declined conditions keep the consultation open and open refusal and postponement to the requested State (Art. 40(27)).</summary>
public sealed class DeclineConditionsTests(SharedApi api) : IClassFixture<SharedApi>
{
    [Fact]
    public async Task Declined_conditions_keep_the_consultation_open_and_open_refusal_to_the_requested_State()
    {
        var c = await Case.AtAsync(api, "consultation");
        var before = await c.GetAsync(c.Fra);

        var declined = await c.ActAsync(c.Fra, "decline-conditions", new JsonObject { ["comment"] = "No." });

        Assert.Equal("consultation", declined["status"].Str());
        Assert.Equal(before.Version() + 1, declined.Version());
        Assert.Equal("declined", declined["consultation"]!["answer"].Str());
        Assert.Equal("No.", declined["consultation"]!["comment"].Str());
        Assert.Null(declined["conditions"]);
        Assert.Equal(Sorted(["refuse", "postpone"]), Sorted((await c.GetAsync(c.Deu))["allowedActions"].Strings()));
        var last = (await c.HistoryAsync())["events"]!.AsArray()[^1]!;
        Assert.Equal(("decline-conditions", "consultation", "consultation"), (last["action"].Str(), last["fromStatus"].Str(), last["toStatus"].Str()));
    }
}
