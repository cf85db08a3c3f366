using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Features.Requests.Create;

public sealed class CreateRequestTests(SharedApi api) : IClassFixture<SharedApi>
{
    [Fact]
    public async Task A_minimal_draft_is_created_for_the_callers_State()
    {
        var fra = api.As(DemoKeys.Fra);

        var response = await fra.PostJsonAsync("/api/v1/requests", Bodies.MinimalDraft("DEU"));
        var created = await response.ExpectAsync(HttpStatusCode.Created);

        var id = created["id"].Str();
        Assert.True(Guid.TryParse(id, out var guid));
        Assert.Equal(7, guid.Version);
        Assert.Equal($"/api/v1/requests/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag?.ToString());
        Assert.Equal("draft", created["status"].Str());
        Assert.Equal("FRA", created["requestingState"].Str());
        Assert.Equal("DEU", created["requestedState"].Str());
        Assert.Equal("mutual-legal-assistance", created["kind"].Str());
        Assert.Equal(1, created["version"]!.GetValue<int>());
        Assert.Equal(["submit"], created["allowedActions"]!.AsArray().Select(a => a.Str()));
        Assert.Equal("convention", created["legalBasis"].Str());
        Assert.Null(created["reference"]);
        Assert.Null(created["submittedAt"]);
        Assert.Equal("2026-11-27T10:00:00Z", created["createdAt"].Str());

        var read = await (await fra.GetAsync(response.Headers.Location!.OriginalString)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(created.ToJsonString(), read.ToJsonString());
    }

    [Fact]
    public async Task A_complete_body_is_stored_as_sent()
    {
        var body = Bodies.CompleteMla();
        body["legalBasis"] = "reciprocity";
        var created = await (await api.As(DemoKeys.Fra).PostJsonAsync("/api/v1/requests", body)).ExpectAsync(HttpStatusCode.Created);

        foreach (var (name, value) in body)
            Assert.True(JsonNode.DeepEquals(value, WithoutNulls(created[name])), $"{name}: sent {value?.ToJsonString()} got {created[name]?.ToJsonString()}");
    }

    /// <summary>The resource shows absent fields as null; null means absent, so compare without them.</summary>
    private static JsonNode? WithoutNulls(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Where(p => p.Value is not null).Select(p => KeyValuePair.Create(p.Key, WithoutNulls(p.Value)))),
        JsonArray a => new JsonArray(a.Select(WithoutNulls).ToArray()),
        _ => node?.DeepClone(),
    };

    [Fact]
    public async Task Nulls_for_objects_and_lists_mean_absent()
    {
        var body = Bodies.MinimalDraft();
        body["proceeding"] = null;
        body["requestingAuthority"] = null;
        body["offences"] = null;
        body["measures"] = null;
        body["urgent"] = null;
        body["legalBasis"] = null;
        var created = await (await api.As(DemoKeys.Fra).PostJsonAsync("/api/v1/requests", body)).ExpectAsync(HttpStatusCode.Created);

        Assert.Null(created["proceeding"]);
        Assert.Null(created["offences"]);
        Assert.Equal("convention", created["legalBasis"].Str());
    }

    [Fact]
    public async Task Unicode_text_round_trips_exactly()
    {
        var fra = api.As(DemoKeys.Fra);
        const string facts = "طلب المساعدة القانونية المتبادلة 🔐💻 — Yêu cầu tương trợ tư pháp về hình sự\nLigne 2\t« guillemets » 日本語 𝔘";
        var body = Bodies.MinimalDraft();
        body["facts"] = facts;
        body["requestingAuthority"] = new JsonObject { ["name"] = "Viện kiểm sát nhân dân tối cao", ["functions"] = "نيابة عامة" };

        var id = await fra.CreateDraftAsync(body);
        var read = await (await fra.GetRequestAsync(id)).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(facts, read["facts"].Str());
        Assert.Equal("Viện kiểm sát nhân dân tối cao", read["requestingAuthority"]!["name"].Str());
        Assert.Equal("نيابة عامة", read["requestingAuthority"]!["functions"].Str());
    }

    [Fact]
    public async Task Facts_of_exactly_20000_characters_are_accepted()
    {
        var body = Bodies.MinimalDraft();
        body["facts"] = new string('f', 20_000);
        var created = await (await api.As(DemoKeys.Fra).PostJsonAsync("/api/v1/requests", body)).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(20_000, created["facts"].Str().Length);
    }

    /// <summary>A draft may cite any article of the Convention; whether it is an offence is the treaty check's at submit (uncc-35-1).</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(68)]
    public async Task An_offence_citing_the_first_or_last_article_is_accepted_in_a_draft(int article)
    {
        var body = Bodies.MinimalDraft();
        body["offences"] = new JsonArray(new JsonObject { ["article"] = article });
        var created = await (await api.As(DemoKeys.Fra).PostJsonAsync("/api/v1/requests", body)).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(article, created["offences"]![0]!["article"]!.GetValue<int>());
    }
}
