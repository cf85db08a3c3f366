using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Audit;
using AssistanceApi.Tests.Support;
using static AssistanceApi.Tests.Support.LifecycleTable;

namespace AssistanceApi.Tests.Features.Requests.History;

/// <summary>The audit trail (contract §5): every change, in order, hash-chained; edits behind the API's back show.</summary>
public sealed class HistoryTests(SharedApi api) : IClassFixture<SharedApi>
{
    private static readonly string Genesis = new('0', 64);

    /// <summary>Tampers with the trail behind the API's back, on whichever database the test runs.</summary>
    private static Task<int> ExecuteAsync(ApiFactory api, string sql, object parameters) => api.Database.ExecuteAsync(sql, parameters);

    [Fact]
    public async Task Every_change_and_message_is_an_event_in_one_valid_chain()
    {
        await using var api = new ApiFactory();
        var c = await Case.AtAsync(api, "draft");
        var step = TimeSpan.FromMinutes(7);

        api.Clock.Advance(step);
        await (await c.Fra.PatchJsonAsync(c.Url(), new JsonObject { ["facts"] = "The hospital's systems were encrypted on 3 March 2026." }))
            .ExpectAsync(HttpStatusCode.OK);
        api.Clock.Advance(step);
        await (await c.PostAsync(c.Fra, "submit", null)).ExpectAsync(HttpStatusCode.OK);
        var walk = new (HttpClient Client, string Action)[]
        {
            (c.Deu, "acknowledge"), (c.Fra, "messages"), (c.Deu, "request-information"), (c.Fra, "provide-information"),
            (c.Deu, "start-execution"), (c.Deu, "messages"), (c.Deu, "consult"), (c.Fra, "accept-conditions"), (c.Deu, "complete"),
        };
        foreach (var (client, action) in walk)
        {
            api.Clock.Advance(step);
            if (action == "messages")
                await (await c.PostAsync(client, "messages", new JsonObject { ["kind"] = "status-inquiry", ["text"] = "Any news?" })).ExpectAsync(HttpStatusCode.Created);
            else
                await c.ActAsync(client, action);
        }

        var expected = new (string Action, string? From, string To, string Actor)[]
        {
            ("create", null, "draft", "FRA"),
            ("update", "draft", "draft", "FRA"),
            ("submit", "draft", "submitted", "FRA"),
            ("acknowledge", "submitted", "acknowledged", "DEU"),
            ("message", "acknowledged", "acknowledged", "FRA"),
            ("request-information", "acknowledged", "information-requested", "DEU"),
            ("provide-information", "information-requested", "acknowledged", "FRA"),
            ("start-execution", "acknowledged", "in-execution", "DEU"),
            ("message", "in-execution", "in-execution", "DEU"),
            ("consult", "in-execution", "consultation", "DEU"),
            ("accept-conditions", "consultation", "in-execution", "FRA"),
            ("complete", "in-execution", "executed", "DEU"),
        };

        var history = await c.HistoryAsync(c.Fra);
        Assert.True(history["chainValid"]!.GetValue<bool>());
        var events = history["events"]!.AsArray();
        Assert.Equal(expected.Length, events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i]!;
            Assert.Equal(i + 1, e["sequence"]!.GetValue<int>());
            Assert.Equal(expected[i].Action, e["action"].Str());
            Assert.Equal(expected[i].From, e["fromStatus"]?.GetValue<string>());
            Assert.Equal(expected[i].To, e["toStatus"].Str());
            Assert.Equal(expected[i].Actor, e["actorState"].Str());
            Assert.False(string.IsNullOrEmpty(e["actorClient"].Str()));
            Assert.Equal(ApiFactory.Start + step * i, DateTimeOffset.Parse(e["at"].Str()));
            Assert.Matches("^[0-9a-f]{64}$", e["hash"].Str());
            Assert.Equal(i == 0 ? Genesis : events[i - 1]!["hash"].Str(), e["previousHash"].Str());
            Assert.NotNull(e["details"]);
        }
        Assert.Equal(events.Count, events.Select(e => e!["hash"].Str()).Distinct().Count());
        Assert.Equal(["facts"], events[1]!["details"]!["fields"].Strings());
        Assert.Equal("executed", events[^1]!["details"]!["outcome"].Str());

        // The requested State sees the same trail.
        Assert.Equal(history.ToJsonString(), (await c.HistoryAsync(c.Deu)).ToJsonString());
    }

    public static TheoryData<string, string> Tampering => new()
    {
        { "details", "'{\"reason\":\"forged\"}'" },
        { "details", "'not json at all'" },
        { "action", "'refuse'" },
        { "at", "'2026-01-01T00:00:00.0000000Z'" },
        { "actor_state", "'BRA'" },
        { "to_status", "'refused'" },
        { "hash", "'" + new string('a', 64) + "'" },
    };

    [Theory]
    [MemberData(nameof(Tampering))]
    public async Task An_event_changed_in_the_database_breaks_the_chain(string column, string value)
    {
        var c = await Case.AtAsync(api, "executed");
        Assert.True((await c.HistoryAsync())["chainValid"]!.GetValue<bool>());

        Assert.Equal(1, await ExecuteAsync(api, $"UPDATE request_events SET {column} = {value} WHERE request_id = @id AND sequence = 3", new { id = Guid.Parse(c.Id) }));

        foreach (var client in new[] { c.Fra, c.Deu })
        {
            var history = await c.HistoryAsync(client);
            Assert.False(history["chainValid"]!.GetValue<bool>());
            Assert.Equal(5, history["events"]!.AsArray().Count);
        }
    }

    [Fact]
    public async Task Recomputing_the_hash_of_an_altered_event_still_breaks_the_link_to_the_next()
    {
        var c = await Case.AtAsync(api, "executed");
        var third = (await c.HistoryAsync())["events"]![2]!;
        var original = new AuditEvent
        {
            RequestId = Guid.Parse(c.Id), Sequence = 3, At = DateTimeOffset.Parse(third["at"].Str()), Action = third["action"].Str(),
            ActorState = third["actorState"].Str(), ActorClient = Guid.Parse(third["actorClient"].Str()),
            FromStatus = third["fromStatus"].Str(), ToStatus = third["toStatus"].Str(),
            Details = await ReadDetailsAsync(api, c.Id, 3), PreviousHash = third["previousHash"].Str(),
        };
        // The forger knows the unkeyed recipe, not the chain key: the event it rehashes no longer verifies.

        var forged = new AuditEvent
        {
            RequestId = original.RequestId, Sequence = 3, At = original.At, Action = original.Action, ActorState = original.ActorState,
            ActorClient = original.ActorClient, FromStatus = original.FromStatus, ToStatus = original.ToStatus,
            Details = "{}", PreviousHash = original.PreviousHash,
        };
        await ExecuteAsync(api, "UPDATE request_events SET details = @details, hash = @hash WHERE request_id = @id AND sequence = 3",
            new { details = forged.Details, hash = AuditHash.Compute(forged), id = Guid.Parse(c.Id) });

        Assert.False((await c.HistoryAsync())["chainValid"]!.GetValue<bool>());
    }

    private static async Task<string> ReadDetailsAsync(ApiFactory api, string id, int sequence) =>
        (await api.Database.QueryAsync<string>(
            "SELECT details FROM request_events WHERE request_id = @id AND sequence = @sequence", new { id = Guid.Parse(id), sequence })).Single();

    [Fact]
    public async Task A_deleted_middle_event_breaks_the_chain()
    {
        var c = await Case.AtAsync(api, "executed");

        Assert.Equal(1, await ExecuteAsync(api, "DELETE FROM request_events WHERE request_id = @id AND sequence = 3", new { id = Guid.Parse(c.Id) }));

        var history = await c.HistoryAsync(c.Deu);
        Assert.False(history["chainValid"]!.GetValue<bool>());
        Assert.Equal([1, 2, 4, 5], history["events"]!.AsArray().Select(e => e!["sequence"]!.GetValue<int>()).ToArray());
    }

    [Fact]
    public async Task A_broken_chain_stays_broken_when_the_request_moves_on()
    {
        var c = await Case.AtAsync(api, "acknowledged");
        await ExecuteAsync(api, "UPDATE request_events SET details = '{\"requestedReference\":\"forged\"}' WHERE request_id = @id AND sequence = 3", new { id = Guid.Parse(c.Id) });

        await c.ActAsync(c.Deu, "start-execution");

        var history = await c.HistoryAsync();
        Assert.False(history["chainValid"]!.GetValue<bool>());
        Assert.Equal("start-execution", history["events"]!.AsArray()[^1]!["action"].Str());
    }

    [Fact]
    public async Task The_trail_of_one_request_does_not_depend_on_another()
    {
        var tampered = await Case.AtAsync(api, "acknowledged");
        var intact = new Case(api);
        await intact.StartAsync("acknowledged");
        await ExecuteAsync(api, "UPDATE request_events SET action = 'refuse' WHERE request_id = @id AND sequence = 2", new { id = Guid.Parse(tampered.Id) });

        Assert.False((await tampered.HistoryAsync())["chainValid"]!.GetValue<bool>());
        var history = await intact.HistoryAsync();
        Assert.True(history["chainValid"]!.GetValue<bool>());
        Assert.Equal(Genesis, history["events"]![0]!["previousHash"].Str());
    }

    [Fact]
    public async Task The_history_is_visible_to_both_States_once_submitted_and_to_nobody_else()
    {
        var c = await Case.AtAsync(api, "draft");

        Assert.Equal(["create"], await c.HistoryActionsAsync(c.Fra));
        await (await c.Deu.GetAsync(c.Url("history"))).ExpectProblemAsync(HttpStatusCode.NotFound);

        await (await c.PostAsync(c.Fra, "submit", null)).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(["create", "submit"], await c.HistoryActionsAsync(c.Deu));
        await (await c.Bra.GetAsync(c.Url("history"))).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await c.Anonymous.GetAsync(c.Url("history"))).ExpectProblemAsync(HttpStatusCode.Unauthorized);
        await (await c.Secretariat.GetAsync(c.Url("history"))).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await c.Fra.GetAsync(Case.UrlFor(Guid.CreateVersion7().ToString(), "history"))).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await c.Fra.GetAsync(Case.UrlFor("not-a-uuid", "history"))).ExpectProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_discarded_draft_has_no_visible_history()
    {
        var c = await Case.AtAsync(api, "draft");
        await (await c.Fra.DeleteAsync(c.Url())).ExpectAsync(HttpStatusCode.NoContent);
        await (await c.Fra.GetAsync(c.Url("history"))).ExpectProblemAsync(HttpStatusCode.NotFound);
    }
}
