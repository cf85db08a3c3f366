using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Features.Requests;

/// <summary>A request walked from draft to each terminal status.</summary>
public sealed class ScenarioTests(SharedApi api) : IClassFixture<SharedApi>
{
    [Fact]
    public async Task Executed_after_information_was_requested_and_given()
    {
        var x = await new Exchange(api).SubmittedAsync();
        Assert.Equal("acknowledged", (await x.ActAsync(x.Requested, "acknowledge", new JsonObject { ["requestedReference"] = "BfJ-2026-1" }))["status"].Str());
        Assert.Equal("information-requested", (await x.ActAsync(x.Requested, "request-information", new JsonObject { ["questions"] = new JsonArray("Which mailbox?") }))["status"].Str());
        Assert.Equal("acknowledged", (await x.ActAsync(x.Requesting, "provide-information", new JsonObject { ["answers"] = new JsonArray("ransom@mail.example.org") }))["status"].Str());
        Assert.Equal("in-execution", (await x.ActAsync(x.Requested, "start-execution"))["status"].Str());
        var done = await x.ActAsync(x.Requested, "complete", new JsonObject { ["outcome"] = "executed", ["summary"] = "Witness heard on 3 December." });

        Assert.Equal("executed", done["status"].Str());
        Assert.Equal("BfJ-2026-1", done["requestedReference"].Str());
        Assert.NotNull(done["closedAt"]);
        Assert.NotNull(done["acknowledgedAt"]);
        Assert.Empty(done["allowedActions"]!.AsArray());
        Assert.Equal("ransom@mail.example.org", done["informationRequests"]![0]!["answers"]![0].Str());
    }

    [Fact]
    public async Task Refused_after_declined_conditions()
    {
        var x = await new Exchange(api).SubmittedAsync();
        var refused = await x.WalkAsync(
            (x.Requested, "acknowledge", null),
            (x.Requested, "consult", Exchange.Consult()),
            (x.Requesting, "decline-conditions", new JsonObject { ["comment"] = "We need the data for a second proceeding." }),
            (x.Requested, "refuse", new JsonObject { ["grounds"] = new JsonArray("essential-interests"), ["reasons"] = "National security." }));

        Assert.Equal("refused", refused["status"].Str());
        Assert.Equal("uncc-40-21-b", refused["refusal"]!["grounds"]![0]!["provision"].Str());
        Assert.Equal("declined", refused["consultation"]!["answer"].Str());
    }

    [Fact]
    public async Task Postponed_then_resumed_then_partially_executed()
    {
        var x = await new Exchange(api).SubmittedAsync();
        var done = await x.WalkAsync(
            (x.Requested, "acknowledge", null),
            (x.Requested, "start-execution", null),
            (x.Requested, "consult", Exchange.Consult("postpone")),
            (x.Requesting, "decline-conditions", null),
            (x.Requested, "postpone", new JsonObject { ["reasons"] = "A domestic trial is under way.", ["until"] = "2027-03-01" }),
            (x.Requested, "resume", null),
            (x.Requested, "complete", new JsonObject { ["outcome"] = "partially-executed", ["summary"] = "Logs sent.", ["unexecutedReasons"] = "The witness has died." }));

        Assert.Equal("partially-executed", done["status"].Str());
        Assert.Equal("2027-03-01", done["postponement"]!["until"].Str());
    }

    [Fact]
    public async Task Conditions_accepted_bind_the_request()
    {
        var x = await new Exchange(api).SubmittedAsync();
        var executing = await x.WalkAsync(
            (x.Requested, "acknowledge", null),
            (x.Requested, "consult", Exchange.Consult()),
            (x.Requesting, "accept-conditions", null));

        Assert.Equal("in-execution", executing["status"].Str());
        Assert.Equal("Use only in proceeding PNC-2026-42", executing["conditions"]![0].Str());
    }

    [Fact]
    public async Task Withdrawn_by_the_requesting_State()
    {
        var x = await new Exchange(api).SubmittedAsync();
        var withdrawn = await x.ActAsync(x.Requesting, "withdraw", new JsonObject { ["reason"] = "The suspect confessed." });
        Assert.Equal("withdrawn", withdrawn["status"].Str());
        Assert.Equal("The suspect confessed.", withdrawn["withdrawal"]!["reason"].Str());
        var seen = await x.GetAsync(x.Requested);
        Assert.Equal("withdrawn", seen["status"].Str());
    }

    [Fact]
    public async Task History_records_every_change_in_a_valid_chain()
    {
        var x = await new Exchange(api).SubmittedAsync();
        await x.ActAsync(x.Requested, "acknowledge");
        await (await x.Requesting.PostJsonAsync(x.Url("messages"), new JsonObject { ["kind"] = "status-inquiry", ["text"] = "Any news?" })).ExpectAsync(HttpStatusCode.Created);

        var history = await (await x.Requested.GetAsync(x.Url("history"))).ExpectAsync(HttpStatusCode.OK);
        var actions = history["events"]!.AsArray().Select(e => e!["action"].Str()).ToList();
        Assert.Equal(["create", "submit", "acknowledge", "message"], actions);
        Assert.True(history["chainValid"]!.GetValue<bool>());
        Assert.Equal("DEU", history["events"]![2]!["actorState"].Str());
    }
}
