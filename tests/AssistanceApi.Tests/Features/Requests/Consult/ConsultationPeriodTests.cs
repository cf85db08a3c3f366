using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;
using static AssistanceApi.Tests.Support.LifecycleTable;

namespace AssistanceApi.Tests.Features.Requests.Consult;

/// <summary>Refusal and postponement wait for the answer to a consultation, or for its period to run out (Art. 40(27)).</summary>
public sealed class ConsultationPeriodTests(SharedApi api) : IClassFixture<SharedApi>
{
    [Theory]
    [InlineData("refuse")]
    [InlineData("postpone")]
    public async Task Refusing_or_postponing_before_the_consultation_is_answered_is_409(string action)
    {
        var c = await Case.AtAsync(api, "consultation");
        var problem = await c.RejectedAsync(c.Deu, action, ValidBody(action), HttpStatusCode.Conflict);
        Assert.Equal("/problems/uncc-40-27", problem["type"].Str());
        Assert.StartsWith("UNCC Art. 40(27)", problem["detail"].Str());
        Assert.Equal((await c.GetAsync(c.Deu))["allowedActions"].Strings(), problem["allowedActions"].Strings());
        Assert.DoesNotContain(action, problem["allowedActions"].Strings());
    }

    [Theory]
    [InlineData("refuse")]
    [InlineData("postpone")]
    public async Task Refusing_or_postponing_after_the_conditions_were_declined_is_allowed(string action)
    {
        var c = await Case.AtAsync(api, "consultation-declined");
        Assert.Contains(action, (await c.GetAsync(c.Deu))["allowedActions"].Strings());
        var done = await c.ActAsync(c.Deu, action);
        Assert.Equal(action == "refuse" ? "refused" : "postponed", done["status"].Str());
    }

    [Theory]
    [InlineData("refuse", 29, false)]
    [InlineData("refuse", 30, true)]
    [InlineData("postpone", 29, false)]
    [InlineData("postpone", 30, true)]
    public async Task An_unanswered_consultation_allows_refusal_or_postponement_after_30_days(string action, int days, bool allowed)
    {
        await using var api = new ApiFactory();
        var c = await Case.AtAsync(api, "consultation");
        api.Clock.Advance(TimeSpan.FromDays(days));
        await AssertSettledAsync(c, action, allowed);
    }

    [Theory]
    [InlineData("refuse", 4, false)]
    [InlineData("refuse", 5, true)]
    [InlineData("postpone", 4, false)]
    [InlineData("postpone", 5, true)]
    public async Task The_consultation_period_is_configurable(string action, int days, bool allowed)
    {
        await using var api = new ApiFactory();
        api.Settings["Treaty:ConsultationTimeoutDays"] = "5";
        var c = await Case.AtAsync(api, "consultation");
        api.Clock.Advance(TimeSpan.FromDays(days));
        await AssertSettledAsync(c, action, allowed);
    }

    [Fact]
    public async Task The_consultation_period_runs_from_the_consultation_not_from_submission()
    {
        await using var api = new ApiFactory();
        var c = await Case.AtAsync(api, "acknowledged");
        api.Clock.Advance(TimeSpan.FromDays(20));
        await c.ActAsync(c.Deu, "consult");
        api.Clock.Advance(TimeSpan.FromDays(10));
        await AssertSettledAsync(c, "refuse", allowed: false);
        api.Clock.Advance(TimeSpan.FromDays(20));
        await AssertSettledAsync(c, "refuse", allowed: true);
    }

    [Theory]
    [InlineData("decline-conditions")]
    [InlineData("accept-conditions")]
    public async Task A_new_consultation_needs_a_new_answer(string firstAnswer)
    {
        var c = await Case.AtAsync(api, "consultation");
        await c.ActAsync(c.Fra, firstAnswer);
        if (firstAnswer == "decline-conditions")
        {
            await c.ActAsync(c.Deu, "postpone");
            await c.ActAsync(c.Deu, "resume");
        }
        Assert.Equal("in-execution", (await c.GetAsync(c.Deu))["status"].Str());

        await c.ActAsync(c.Deu, "consult", new JsonObject { ["intent"] = "refuse", ["proposedConditions"] = new JsonArray() });

        Assert.Empty((await c.GetAsync(c.Deu))["allowedActions"]!.AsArray());
        await AssertSettledAsync(c, "refuse", allowed: false);
        await AssertSettledAsync(c, "postpone", allowed: false);
    }

    private static async Task AssertSettledAsync(Case c, string action, bool allowed)
    {
        Assert.Equal(allowed, (await c.GetAsync(c.Deu))["allowedActions"].Strings().Contains(action));
        if (allowed)
            Assert.Equal(action == "refuse" ? "refused" : "postponed", (await c.ActAsync(c.Deu, action))["status"].Str());
        else
            Assert.Equal("/problems/uncc-40-27", (await c.RejectedAsync(c.Deu, action, ValidBody(action), HttpStatusCode.Conflict))["type"].Str());
    }
}
