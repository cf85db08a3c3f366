using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Features.States.Get;

/// <summary>
/// On SQLite the API keeps directory entries it read in the last five seconds (StoredStates): an update through the
/// API is read at once, one made behind its back (SQL, the CLI) within five seconds. PostgreSQL reads every time.
/// </summary>
public sealed class DirectoryReadsTests
{
    private const string Nor = "/api/v1/states/NOR";

    private static async Task<string?> SourceAsync(HttpClient client) =>
        (await (await client.GetAsync(Nor)).ExpectAsync(HttpStatusCode.OK))["source"].Str();

    [Fact]
    public async Task An_update_through_the_API_is_read_at_once()
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);
        Assert.NotEqual("Notification to the Secretary-General (test)", await SourceAsync(fra)); // read, so kept on SQLite

        await (await api.As(DemoKeys.Secretariat).PutAsync(Nor, Json(Bodies.StateBody()))).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("Notification to the Secretary-General (test)", await SourceAsync(fra));
        var nor = await (await fra.GetAsync(Nor)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("party", nor["convention"]!["status"].Str());
    }

    [Fact]
    public async Task An_entry_changed_by_SQL_is_read_within_five_seconds()
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);
        var before = await SourceAsync(fra);

        var stored = JsonNode.Parse((await api.Database.QueryAsync<string>("SELECT document FROM states WHERE code = 'NOR'")).Single())!;
        stored["source"] = "changed behind the API";
        await api.Database.ExecuteAsync("UPDATE states SET document = @document WHERE code = 'NOR'", new { document = stored.ToJsonString() });

#if POSTGRES
        Assert.Equal("changed behind the API", await SourceAsync(fra)); // every read asks the database
#else
        api.Clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(before, await SourceAsync(fra)); // still kept 4 s later: the read cost no query
        api.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("changed behind the API", await SourceAsync(fra));
#endif
    }

    [Fact]
    public async Task An_entry_stored_by_an_older_version_is_sent_complete_as_the_list_sends_it()
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);
        // requiresRequestLetter came after the first stored entries; nothing rewrote those.
        var stored = JsonNode.Parse((await api.Database.QueryAsync<string>("SELECT document FROM states WHERE code = 'NOR'")).Single())!;
        Assert.True(stored["declarations"]!.AsObject().Remove("requiresRequestLetter"));
        await api.Database.ExecuteAsync("UPDATE states SET document = @document WHERE code = 'NOR'", new { document = stored.ToJsonString() });

        var one = await (await fra.GetAsync(Nor)).EnsureSuccessStatusCode().Content.ReadAsStringAsync();

        var page = await (await fra.GetAsync("/api/v1/states?limit=200")).ExpectAsync(HttpStatusCode.OK);
        var listed = page["items"]!.AsArray().Single(s => s!["code"].Str() == "NOR")!;
        Assert.True(JsonNode.DeepEquals(listed, JsonNode.Parse(one)), one);
        Assert.Contains("\"requiresRequestLetter\":null", one);
    }

    [Fact]
    public async Task A_stale_asOf_refused_by_an_update_makes_the_next_read_fresh()
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);
        var asOf = (await (await fra.GetAsync(Nor)).ExpectAsync(HttpStatusCode.OK))["asOf"].Str(); // kept on SQLite
        var stored = JsonNode.Parse((await api.Database.QueryAsync<string>("SELECT document FROM states WHERE code = 'NOR'")).Single())!;
        stored["asOf"] = "2026-06-30"; // the CLI's seeding, say
        await api.Database.ExecuteAsync("UPDATE states SET document = @document, as_of = '2026-06-30' WHERE code = 'NOR'", new { document = stored.ToJsonString() });

        var body = Bodies.StateBody();
        body["asOf"] = asOf;
        await (await api.As(DemoKeys.Secretariat).PutAsync(Nor, Json(body))).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("2026-06-30", (await (await fra.GetAsync(Nor)).ExpectAsync(HttpStatusCode.OK))["asOf"].Str());
    }

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
}
