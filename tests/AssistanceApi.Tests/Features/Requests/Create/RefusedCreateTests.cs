using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Features.Requests.Create;

/// <summary>
/// Creates that are refused write nothing. No test here writes, so they share one host on which FRA never has a request.
/// </summary>
public sealed class RefusedCreateTests(SharedApi api) : IClassFixture<SharedApi>
{
    [Fact]
    public async Task The_requested_State_may_not_be_the_callers_own()
    {
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
        { """{"kind":"mutual-legal-assistance","requestedState":"DEU","offences":[{"article":0}]}""", "offences[0].article", "invalid-article" },
        { """{"kind":"mutual-legal-assistance","requestedState":"DEU","offences":[{"article":69}]}""", "offences[0].article", "invalid-article" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task An_ill_formed_body_is_a_400_naming_the_field_and_writes_nothing(string body, string name, string? code)
    {
        var fra = api.As(DemoKeys.Fra);

        var problem = await (await fra.PostRawAsync("/api/v1/requests", body)).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(problem.Names(), n => n == name || n.StartsWith(name + "[", StringComparison.Ordinal));
        if (code is not null) Assert.Contains(code, problem.Codes());
        await fra.AssertNoRequestsAsync();
    }

    [Fact]
    public async Task An_offence_without_article_or_description_is_a_400_naming_the_offence_itself()
    {
        var fra = api.As(DemoKeys.Fra);
        var body = Bodies.MinimalDraft();
        // The second offence lacks both, so the name must carry its own index, as the treaty check's uncc-35-1 does.
        body["offences"] = new JsonArray(new JsonObject { ["article"] = 7 }, new JsonObject { ["maxPenaltyYears"] = 5 });

        var problem = await (await fra.PostJsonAsync("/api/v1/requests", body)).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["offences[1]"], problem.Names());
        Assert.Equal(["required"], problem.Codes());
        await fra.AssertNoRequestsAsync();
    }

    [Fact]
    public async Task Facts_of_20001_characters_are_too_long()
    {
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
        var fra = api.As(DemoKeys.Fra);

        var problem = await (await fra.PostRawAsync("/api/v1/requests", body)).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.Names());
        await fra.AssertNoRequestsAsync();
    }

    [Fact]
    public async Task A_text_plain_body_is_a_415_problem_that_says_to_send_json()
    {
        var fra = api.As(DemoKeys.Fra);

        // Routing refuses it before the body rules run; its problem must still name the media type (it said invalid-input).
        var problem = await (await fra.PostRawAsync("/api/v1/requests", Bodies.MinimalDraft().ToJsonString(), "text/plain"))
            .ExpectProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        Assert.Contains("application/json", problem["detail"].Str());

        await fra.AssertNoRequestsAsync();
    }

    [Fact]
    public async Task A_body_of_2_MiB_is_a_413_problem()
    {
        var fra = api.As(DemoKeys.Fra);
        var body = Bodies.MinimalDraft();
        body["facts"] = new string('a', 2 * 1024 * 1024);

        var response = await fra.PostAsync("/api/v1/requests", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        await response.ExpectProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        await fra.AssertNoRequestsAsync();
    }
}
