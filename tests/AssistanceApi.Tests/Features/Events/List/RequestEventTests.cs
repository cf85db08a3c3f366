using System.Net;
using System.Text.Json.Nodes;

using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Features.Events.List;

/// <summary>Each change of a request announces its event in the feed, thin, to whoever sees the request and nobody else.</summary>
public sealed class RequestEventTests(SharedApi api) : IClassFixture<SharedApi>
{
    /// <summary>The event each lifecycle action announces (the closed list of the contract), written out here, not read from src/.</summary>
    private static readonly Dictionary<string, string> TypeOf = new()
    {
        ["submit"] = "request.submitted", ["withdraw"] = "request.withdrawn", ["acknowledge"] = "request.acknowledged",
        ["request-information"] = "request.information-requested", ["provide-information"] = "request.information-provided",
        ["start-execution"] = "request.execution-started", ["consult"] = "request.consultation-opened",
        ["accept-conditions"] = "request.conditions-accepted", ["decline-conditions"] = "request.conditions-declined",
        ["refuse"] = "request.refused", ["postpone"] = "request.postponed", ["resume"] = "request.resumed", ["complete"] = "request.completed",
    };

    public static TheoryData<string> Paths() => [.. LifecycleTable.Paths.Keys.Where(p => p != "draft")];

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Every_action_on_the_way_announces_its_event_and_nothing_else(string path)
    {
        var c = await Case.AtAsync(api, path);
        var steps = LifecycleTable.Paths[path].Steps.Select(s => TypeOf[s.Action]).ToArray();

        string[] seenByRequesting = ["request.drafted", "request.submitted", .. steps];
        string[] seenByRequested = ["request.submitted", .. steps];

        Assert.Equal(seenByRequesting, await c.Fra.EventTypesOfAsync(api, c.Id));
        Assert.Equal(seenByRequested, await c.Deu.EventTypesOfAsync(api, c.Id));
        Assert.Empty(await c.Bra.EventTypesOfAsync(api, c.Id));
    }

    [Fact]
    public async Task A_refused_action_announces_nothing()
    {
        var c = await Case.AtAsync(api, "acknowledged");

        await (await c.PostAsync(c.Deu, "acknowledge", LifecycleTable.ValidBody("acknowledge"))).ExpectProblemAsync(HttpStatusCode.Conflict);
        await (await c.PostAsync(c.Fra, "complete", LifecycleTable.ValidBody("complete"))).ExpectProblemAsync(HttpStatusCode.Forbidden);

        string[] expected = ["request.drafted", "request.submitted", "request.acknowledged"];
        Assert.Equal(expected, await c.Fra.EventTypesOfAsync(api, c.Id));
    }

    [Fact]
    public async Task An_event_is_thin_and_names_the_status_it_left_and_who_acted()
    {
        var c = await Case.AtAsync(api, "acknowledged");
        var request = await c.GetAsync(c.Deu);

        var acknowledged = (await c.Deu.FollowAsync(api)).Events.Single(e => e["requestId"].Str() == c.Id && e["type"].Str() == "request.acknowledged");

        Assert.Equal("acknowledged", acknowledged["status"].Str());
        Assert.Equal("DEU", acknowledged["actor"]!["state"].Str());
        Assert.Equal("central-authority", acknowledged["actor"]!["role"].Str());
        Assert.Equal("FRA", acknowledged["requestingState"].Str());
        Assert.Equal("DEU", acknowledged["requestedState"].Str());
        Assert.Equal(request["reference"].Str(), acknowledged["reference"].Str());
        Assert.True(Guid.TryParse(acknowledged["id"].Str(), out var id) && id.Version == 7);
        Assert.Equal(request["acknowledgedAt"].Time(), acknowledged["occurredAt"].Time());
        string[] thin = ["id", "type", "occurredAt", "requestId", "reference", "requestingState", "requestedState", "status", "actor", "data"];
        Assert.All(acknowledged.Select(p => p.Key), key => Assert.Contains(key, thin));
        Assert.DoesNotContain("facts", acknowledged.ToJsonString());
    }

    [Fact]
    public async Task A_drafts_changes_and_its_discarding_are_the_requesting_states_alone()
    {
        var c = await Case.AtAsync(api, "draft");
        await (await c.Fra.PatchJsonAsync(c.Url(), new JsonObject { ["emergency"] = true })).ExpectAsync(HttpStatusCode.OK);
        await (await c.Fra.DeleteRequestAsync(c.Id)).ExpectAsync(HttpStatusCode.NoContent);

        Assert.Equal(["request.drafted", "request.updated", "request.discarded"], await c.Fra.EventTypesOfAsync(api, c.Id));
        Assert.Empty(await c.Deu.EventTypesOfAsync(api, c.Id));
        Assert.Empty(await c.Bra.EventTypesOfAsync(api, c.Id));
    }

    [Fact]
    public async Task A_message_is_announced_to_both_states_with_its_id_only()
    {
        var c = await Case.AtAsync(api, "acknowledged");
        var message = await (await c.PostAsync(c.Deu, "messages", new JsonObject { ["kind"] = "status-inquiry", ["text"] = "Secret words" }))
            .ExpectAsync(HttpStatusCode.Created);

        foreach (var client in new[] { c.Fra, c.Deu })
        {
            var received = (await client.FollowAsync(api, types: "message.received")).Events.Single(e => e["requestId"].Str() == c.Id);
            Assert.Equal(message["id"].Str(), received["data"]!["messageId"].Str());
            Assert.Equal("DEU", received["actor"]!["state"].Str());
            Assert.DoesNotContain("Secret words", received.ToJsonString());
        }
        Assert.Empty(await c.Bra.EventTypesOfAsync(api, c.Id));
    }

    [Fact]
    public async Task A_contact_point_sees_the_events_of_the_kinds_it_handles_only()
    {
        var fra247 = api.As(DemoKeys.Fra247);
        var deu247 = api.As(DemoKeys.Deu247);
        var mla = await Case.AtAsync(api, "submitted");
        var preservation = await fra247.SubmitNewAsync(Bodies.ContactPointPreservation("DEU"));

        Assert.Empty(await fra247.EventTypesOfAsync(api, mla.Id));
        Assert.Empty(await deu247.EventTypesOfAsync(api, mla.Id));
        Assert.Equal(["request.drafted", "request.submitted"], await fra247.EventTypesOfAsync(api, preservation));
        Assert.Equal(["request.submitted"], await deu247.EventTypesOfAsync(api, preservation));
    }

    [Fact]
    public async Task Neither_a_state_admin_nor_the_secretariat_sees_a_requests_events()
    {
        var c = await Case.AtAsync(api, "acknowledged");

        Assert.Empty(await api.As(DemoKeys.FraAdmin).EventTypesOfAsync(api, c.Id));
        Assert.Empty(await api.As(DemoKeys.DeuAdmin).EventTypesOfAsync(api, c.Id));
        Assert.Empty(await c.Secretariat.EventTypesOfAsync(api, c.Id));
    }

    [Fact]
    public async Task The_types_filter_serves_those_types_only()
    {
        var c = await Case.AtAsync(api, "in-execution");

        var events = (await c.Fra.FollowAsync(api, types: "request.acknowledged,request.execution-started")).Events;

        Assert.All(events, e => Assert.Contains(e["type"].Str(), new[] { "request.acknowledged", "request.execution-started" }));
        Assert.Equal(["request.acknowledged", "request.execution-started"],
            events.Where(e => e["requestId"].Str() == c.Id).Select(e => e["type"].Str()));
    }
}
