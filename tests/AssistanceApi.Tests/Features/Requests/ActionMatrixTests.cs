using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;
using static AssistanceApi.Tests.Support.LifecycleTable;

namespace AssistanceApi.Tests.Features.Requests;

/// <summary>Every action of the lifecycle table against every status, side and caller (contract §4, §1 status codes).</summary>
public sealed class ActionMatrixTests(SharedApi api) : IClassFixture<SharedApi>
{
    /// <summary>(action, position it is taken from, status it leads to): every "from" of the lifecycle table.</summary>
    public static TheoryData<string, string, string> AllowedTransitions => new()
    {
        { "withdraw", "submitted", "withdrawn" },
        { "withdraw", "acknowledged", "withdrawn" },
        { "withdraw", "information-requested", "withdrawn" },
        { "withdraw", "in-execution", "withdrawn" },
        { "withdraw", "consultation", "withdrawn" },
        { "withdraw", "postponed", "withdrawn" },
        { "acknowledge", "submitted", "acknowledged" },
        { "request-information", "acknowledged", "information-requested" },
        { "request-information", "in-execution", "information-requested" },
        { "provide-information", "information-requested", "acknowledged" },
        { "provide-information", "information-requested-in-execution", "in-execution" },
        { "start-execution", "acknowledged", "in-execution" },
        { "consult", "acknowledged", "consultation" },
        { "consult", "in-execution", "consultation" },
        { "accept-conditions", "consultation", "in-execution" },
        { "accept-conditions", "consultation-in-execution", "in-execution" },
        { "accept-conditions", "consultation-declined", "in-execution" },
        { "decline-conditions", "consultation", "consultation" },
        { "decline-conditions", "consultation-in-execution", "consultation" },
        { "refuse", "consultation-declined", "refused" },
        { "postpone", "consultation-declined", "postponed" },
        { "resume", "postponed", "in-execution" },
        { "complete", "in-execution", "executed" },
    };

    [Theory]
    [MemberData(nameof(AllowedTransitions))]
    public async Task Allowed_from_each_status_of_the_table(string action, string from, string to)
    {
        var c = await Case.AtAsync(api, from);
        var side = SideOf(action);
        var before = await c.GetAsync(c.Side(side));
        Assert.Equal(Paths[from].Status, before["status"].Str());
        Assert.Contains(action, before["allowedActions"].Strings());

        // A stale If-Match is refused first and changes nothing; the current one is honoured.
        var snapshot = await c.SnapshotAsync();
        await (await c.PostAsync(c.Side(side), action, ValidBody(action), ifMatch: $"\"{before.Version() - 1}\""))
            .ExpectProblemAsync(HttpStatusCode.PreconditionFailed, "stale-version");
        await c.AssertUnchangedAsync(snapshot);

        var response = await c.PostAsync(c.Side(side), action, ValidBody(action), ifMatch: $"\"{before.Version()}\"");
        var after = await response.ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(to, after["status"].Str());
        Assert.Equal(before.Version() + 1, after.Version());
        Assert.Equal($"\"{after.Version()}\"", response.ETag());
        Assert.Equal(Sorted(after["allowedActions"].Strings()), Sorted((await c.GetAsync(c.Side(side)))["allowedActions"].Strings()));
        Assert.Equal(to, (await c.GetAsync(c.Side(OtherSide(side))))["status"].Str());

        var last = (await c.HistoryAsync())["events"]!.AsArray()[^1]!;
        Assert.Equal(action, last["action"].Str());
        Assert.Equal(Paths[from].Status, last["fromStatus"].Str());
        Assert.Equal(to, last["toStatus"].Str());
        Assert.Equal(side == Requesting ? "FRA" : "DEU", last["actorState"].Str());
        if (Terminal.Contains(to))
        {
            Assert.NotNull(after["closedAt"]);
            Assert.Empty(after["allowedActions"]!.AsArray());
        }
    }

    public static TheoryData<string> Positions => new(Paths.Keys);

    /// <summary>
    /// At each position, every action the table does not allow there is a 409 problem whose allowedActions are
    /// what GET shows that side (and what the table says); every action by the wrong side is a 403; nothing changes.
    /// </summary>
    [Theory]
    [MemberData(nameof(Positions))]
    public async Task Forbidden_in_each_status_is_409_with_allowedActions_and_wrong_side_is_403(string path)
    {
        var c = await Case.AtAsync(api, path);
        var snapshot = await c.SnapshotAsync();

        foreach (var side in new[] { Requesting, Requested })
        {
            var shown = path == "draft" && side == Requested ? [] : (await c.GetAsync(c.Side(side)))["allowedActions"].Strings();
            Assert.Equal(Sorted(ExpectedAllowed(path, side)), Sorted(shown));
        }

        foreach (var action in Actions)
        {
            var side = SideOf(action);
            var client = c.Side(side);
            var wrong = await c.PostAsync(c.Side(OtherSide(side)), action, ValidBody(action));
            if (path == "draft" && OtherSide(side) == Requested)
                await wrong.ExpectProblemAsync(HttpStatusCode.NotFound);
            else
                await wrong.ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");

            if (ExpectedAllowed(path, side).Contains(action)) continue;
            var response = await c.PostAsync(client, action, ValidBody(action));
            if (path == "draft" && side == Requested)
            {
                // The requested State cannot see a draft: to it the request does not exist.
                await response.ExpectProblemAsync(HttpStatusCode.NotFound);
                continue;
            }

            var problem = await response.ExpectProblemAsync(HttpStatusCode.Conflict);
            var settledGuardFails = path is "consultation" or "consultation-in-execution" && action is "refuse" or "postpone";
            Assert.Equal(settledGuardFails ? "/problems/uncc-40-27" : "/problems/action-not-allowed", problem["type"].Str());
            Assert.Equal(Sorted(ExpectedAllowed(path, side)), Sorted(problem["allowedActions"].Strings()));
        }

        await c.AssertUnchangedAsync(snapshot);
    }

    [Fact]
    public async Task Withdrawing_a_draft_is_409_listing_submit()
    {
        var c = await Case.AtAsync(api, "draft");
        var snapshot = await c.SnapshotAsync();

        var problem = await (await c.PostAsync(c.Fra, "withdraw", ValidBody("withdraw")))
            .ExpectProblemAsync(HttpStatusCode.Conflict, "action-not-allowed");

        Assert.Equal((await c.GetAsync(c.Fra))["allowedActions"].Strings(), problem["allowedActions"].Strings());
        Assert.Contains("submit", problem["allowedActions"].Strings());
        await c.AssertUnchangedAsync(snapshot);
    }

    public static TheoryData<string, string> TerminalActions
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var path in Terminal)
            foreach (var action in Actions)
                data.Add(path, action);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(TerminalActions))]
    public async Task Actions_on_a_terminal_request_are_409_with_no_allowed_actions(string path, string action)
    {
        var c = await Case.AtAsync(api, path);
        var snapshot = await c.SnapshotAsync();

        var problem = await (await c.PostAsync(c.Side(SideOf(action)), action, ValidBody(action)))
            .ExpectProblemAsync(HttpStatusCode.Conflict, "action-not-allowed");

        Assert.Empty(problem["allowedActions"]!.AsArray());
        Assert.Empty((await c.GetAsync(c.Side(SideOf(action))))["allowedActions"]!.AsArray());
        await c.AssertUnchangedAsync(snapshot);
    }

    public static TheoryData<string> ActionNames => new(Actions);

    /// <summary>Each action's callers: the right side succeeds only after every wrong caller was turned away.</summary>
    [Theory]
    [MemberData(nameof(ActionNames))]
    public async Task Callers_other_than_the_acting_side_are_turned_away(string action)
    {
        var from = AllowedTransitions.First(row => (string)row[0] == action)[1].ToString()!;
        var c = await Case.AtAsync(api, from);
        var side = SideOf(action);
        var snapshot = await c.SnapshotAsync();

        await (await c.PostAsync(c.Side(OtherSide(side)), action, ValidBody(action))).ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await c.PostAsync(c.Bra, action, ValidBody(action))).ExpectProblemAsync(HttpStatusCode.NotFound);
        // 24/7 points of contact see only expedited requests (Art. 41): to them this MLA request does not exist.
        await (await c.PostAsync(c.Api.As(DemoKeys.Fra247), action, ValidBody(action))).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await c.PostAsync(c.Api.As(DemoKeys.Deu247), action, ValidBody(action))).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await c.PostAsync(c.Anonymous, action, ValidBody(action))).ExpectProblemAsync(HttpStatusCode.Unauthorized);
        await (await c.PostAsync(c.Secretariat, action, ValidBody(action))).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await c.PostAsync(c.Side(side), action, ValidBody(action), id: Guid.CreateVersion7().ToString()))
            .ExpectProblemAsync(HttpStatusCode.NotFound);
        var badId = await (await c.PostAsync(c.Side(side), action, ValidBody(action), id: "not-a-uuid"))
            .ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("id", badId.Names());
        await c.AssertUnchangedAsync(snapshot);

        await c.ActAsync(c.Side(side), action);
    }
}
