using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;
using static AssistanceApi.Tests.Support.LifecycleTable;

namespace AssistanceApi.Tests.Features.Requests;

/// <summary>ETag / If-Match on actions, and actions racing each other (contract §1 "concurrency").</summary>
public sealed class ConcurrencyTests(SharedApi api) : IClassFixture<SharedApi>
{
    [Fact]
    public async Task Every_step_of_a_walk_answers_with_the_new_version_as_ETag()
    {
        var c = await Case.AtAsync(api, "submitted");
        var steps = new[] { "acknowledge", "request-information", "provide-information", "start-execution", "consult", "decline-conditions", "postpone", "resume", "complete" };
        var version = (await c.GetAsync(c.Fra)).Version();

        foreach (var action in steps)
        {
            var response = await c.PostAsync(c.Side(SideOf(action)), action, ValidBody(action));
            var body = await response.ExpectAsync(HttpStatusCode.OK);
            Assert.Equal(++version, body.Version());
            Assert.Equal($"\"{version}\"", response.ETag());
            var get = await c.Fra.GetAsync(c.Url());
            Assert.Equal($"\"{version}\"", get.ETag());
        }
    }

    [Theory]
    [InlineData("\"1\"")]
    [InlineData("\"3\"")]
    [InlineData("\"99\"")]
    [InlineData("W/\"1\"")]
    public async Task A_stale_If_Match_is_412_and_changes_nothing(string ifMatch)
    {
        var c = await Case.AtAsync(api, "submitted"); // version 2
        var snapshot = await c.SnapshotAsync();

        await (await c.PostAsync(c.Deu, "acknowledge", ValidBody("acknowledge"), ifMatch: ifMatch))
            .ExpectProblemAsync(HttpStatusCode.PreconditionFailed, "stale-version");

        await c.AssertUnchangedAsync(snapshot);
        Assert.DoesNotContain("acknowledge", await c.HistoryActionsAsync());
    }

    [Theory]
    [InlineData("*")]
    [InlineData("\"2\"")]
    public async Task A_wildcard_or_current_If_Match_is_accepted(string ifMatch)
    {
        var c = await Case.AtAsync(api, "submitted");
        var response = await c.PostAsync(c.Deu, "acknowledge", ValidBody("acknowledge"), ifMatch: ifMatch);
        var body = await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(3, body.Version());
        Assert.Equal("\"3\"", response.ETag());
    }

    [Fact]
    public async Task An_If_Match_that_is_no_entity_tag_is_400()
    {
        var c = await Case.AtAsync(api, "submitted");
        var snapshot = await c.SnapshotAsync();
        var problem = await (await c.PostAsync(c.Deu, "acknowledge", ValidBody("acknowledge"), ifMatch: "\"two\"")).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("If-Match", problem.Names());
        await c.AssertUnchangedAsync(snapshot);
    }

    [Fact]
    public async Task Twenty_simultaneous_acknowledgements_make_one_change()
    {
        var c = await Case.AtAsync(api, "submitted");

        var responses = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(i => c.PostAsync(c.Deu, "acknowledge", new JsonObject { ["requestedReference"] = $"BfJ-{i}" })));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.Single(statuses, s => s == HttpStatusCode.OK);
        Assert.All(statuses.Where(s => s != HttpStatusCode.OK), s => Assert.True(s is HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed, $"got {(int)s}"));
        foreach (var failed in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
            Assert.Equal("application/problem+json", failed.Content.Headers.ContentType?.MediaType);

        var winner = await responses.Single(r => r.StatusCode == HttpStatusCode.OK).JsonAsync();
        var history = await c.HistoryAsync();
        Assert.Single(history["events"]!.AsArray(), e => e!["action"].Str() == "acknowledge");
        Assert.True(history["chainValid"]!.GetValue<bool>());
        var now = await c.GetAsync(c.Fra);
        Assert.Equal(3, now.Version());
        Assert.Equal(winner["requestedReference"].Str(), now["requestedReference"].Str());
    }

    [Fact]
    public async Task Twenty_simultaneous_actions_with_the_same_If_Match_make_one_change()
    {
        var c = await Case.AtAsync(api, "in-execution"); // version 4
        var version = (await c.GetAsync(c.Deu)).Version();

        // request-information and consult are both open from in-execution: only the version decides.
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => i % 2 == 0
            ? c.PostAsync(c.Deu, "request-information", ValidBody("request-information"), ifMatch: $"\"{version}\"")
            : c.PostAsync(c.Deu, "consult", ValidBody("consult"), ifMatch: $"\"{version}\"")));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.Single(statuses, s => s == HttpStatusCode.OK);
        Assert.All(statuses.Where(s => s != HttpStatusCode.OK), s => Assert.True(s is HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed, $"got {(int)s}"));
        Assert.Equal(version + 1, (await c.GetAsync(c.Deu)).Version());
        var history = await c.HistoryAsync();
        Assert.Single(history["events"]!.AsArray(), e => e!["action"].Str() is "request-information" or "consult");
    }
}
