using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Features.Requests.Create;

public sealed class CreateRequestTests
{
    [Fact]
    public async Task A_minimal_draft_is_created_for_the_callers_State()
    {
        await using var api = new ApiFactory();
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
        await using var api = new ApiFactory();
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
        await using var api = new ApiFactory();
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
        await using var api = new ApiFactory();
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
        await using var api = new ApiFactory();
        var body = Bodies.MinimalDraft();
        body["facts"] = new string('f', 20_000);
        var created = await (await api.As(DemoKeys.Fra).PostJsonAsync("/api/v1/requests", body)).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(20_000, created["facts"].Str().Length);
    }

    [Fact]
    public async Task The_requested_State_may_not_be_the_callers_own()
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);

        var problem = await (await fra.PostJsonAsync("/api/v1/requests", Bodies.MinimalDraft("FRA"))).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["uncc-40-1"], problem.Codes());
        Assert.Equal(["requestedState"], problem.Names());
        Assert.StartsWith("UNCC Art. 40(1): ", problem["errors"]![0]!["reason"].Str());
        await fra.AssertNoRequestsAsync();
    }

    public static TheoryData<string, string, string?> BadBodies => new()
    {
        // body, the field the problem must name, and the code it must carry (null: any)
        { """{"kind":"mutual-legal-assistance","requestedState":"DEU","requestingState":"FRA"}""", "requestingState", null },
        { """{"kind":"mutual-legal-assistance","requestedState":"DEU","colour":"blue"}""", "colour", null },
        { """{"kind":"mutual-legal-assistance","requestedState":"ZZZ"}""", "requestedState", "invalid-state-code" },
        { """{"kind":"mutual-legal-assistance","requestedState":"deu"}""", "requestedState", "invalid-state-code" },
        { """{"kind":"mutual-legal-assistance","requestedState":"DE"}""", "requestedState", "invalid-state-code" },
        { """{"kind":"mutual-legal-assistance"}""", "requestedState", "required" },
        { """{"requestedState":"DEU"}""", "kind", "required" },
        { """{"kind":"extradition","requestedState":"DEU"}""", "kind", null },
        { """{"kind":"Mutual-Legal-Assistance","requestedState":"DEU"}""", "kind", null },
        { """{"kind":0,"requestedState":"DEU"}""", "kind", null },
        { """{"kind":"mutual-legal-assistance","requestedState":"DEU","offences":"x"}""", "offences", null },
        { """{"kind":"mutual-legal-assistance","requestedState":"DEU","urgent":"yes"}""", "urgent", null },
        { """{"kind":"mutual-legal-assistance","requestedState":"DEU","proceeding":5}""", "proceeding", null },
        { """{"kind":"mutual-legal-assistance","requestedState":"DEU","facts":42}""", "facts", null },
        { """{"kind":"mutual-legal-assistance","requestedState":"DEU","deadline":"27/12/2026"}""", "deadline", null },
        { """{"kind":"mutual-legal-assistance","requestedState":"DEU","facts":"a\u0001b"}""", "facts", "invalid-characters" },
        { """{"kind":"mutual-legal-assistance","requestedState":"DEU","requestingAuthority":{"name":"x","email":"not-an-email"}}""", "requestingAuthority.email", "invalid-email" },
        { """{"kind":"mutual-legal-assistance","requestedState":"DEU","language":"english"}""", "language", "invalid-language-code" },
        { """{"kind":"mutual-legal-assistance","requestedState":"DEU","language":"xx"}""", "language", "invalid-language-code" },
        { """{"kind":"mutual-legal-assistance","requestedState":"DEU","language":"EN"}""", "language", "invalid-language-code" },
        { """{"kind":"mutual-legal-assistance","requestedState":"DEU","measures":["freezing","freezing"]}""", "measures", null },
        { """{"kind":"mutual-legal-assistance","requestedState":"DEU","measures":["teleportation"]}""", "measures", null },
        { """{"kind":"mutual-legal-assistance","requestedState":"DEU","persons":[{"name":"A","role":"suspect","nationality":"fr"}]}""", "persons[0].nationality", "invalid-state-code" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task An_ill_formed_body_is_a_400_naming_the_field_and_writes_nothing(string body, string name, string? code)
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);

        var problem = await (await fra.PostRawAsync("/api/v1/requests", body)).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(problem.Names(), n => n == name || n.StartsWith(name + "[", StringComparison.Ordinal));
        if (code is not null) Assert.Contains(code, problem.Codes());
        await fra.AssertNoRequestsAsync();
    }

    [Fact]
    public async Task An_offence_without_article_or_description_is_a_400()
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);
        var body = Bodies.MinimalDraft();
        body["offences"] = new JsonArray(new JsonObject());

        var problem = await (await fra.PostJsonAsync("/api/v1/requests", body)).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(problem.Names(), n => n.StartsWith("offences[0]", StringComparison.Ordinal));
        await fra.AssertNoRequestsAsync();
    }

    [Fact]
    public async Task Facts_of_20001_characters_are_too_long()
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);
        var body = Bodies.MinimalDraft();
        body["facts"] = new string('f', 20_001);

        var problem = await (await fra.PostJsonAsync("/api/v1/requests", body)).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["facts"], problem.Names());
        Assert.Equal(["too-long"], problem.Codes());
        await fra.AssertNoRequestsAsync();
    }

    [Theory]
    [InlineData("{\"kind\":")]
    [InlineData("{\"kind\":\"mutual-legal-assistance\",\"requestedState\":\"DEU\",}")]
    [InlineData("[]")]
    [InlineData("\"a string\"")]
    [InlineData("null")]
    [InlineData("")]
    public async Task Malformed_or_empty_JSON_is_a_400(string body)
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);

        var problem = await (await fra.PostRawAsync("/api/v1/requests", body)).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.Names());
        await fra.AssertNoRequestsAsync();
    }

    [Fact]
    public async Task A_text_plain_body_is_a_415_problem()
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);

        await (await fra.PostRawAsync("/api/v1/requests", Bodies.MinimalDraft().ToJsonString(), "text/plain")).ExpectProblemAsync(HttpStatusCode.UnsupportedMediaType);

        await fra.AssertNoRequestsAsync();
    }

    [Fact]
    public async Task A_body_of_2_MiB_is_a_413_problem()
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);
        var body = Bodies.MinimalDraft();
        body["facts"] = new string('a', 2 * 1024 * 1024);

        var response = await fra.PostAsync("/api/v1/requests", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        await response.ExpectProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        await fra.AssertNoRequestsAsync();
    }
}
