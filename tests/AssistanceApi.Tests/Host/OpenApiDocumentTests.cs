using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Auth;
using AssistanceApi.Idempotency;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Host;

public sealed class OpenApiDocumentTests(SharedApi api) : IClassFixture<SharedApi>
{
    private static readonly string Committed = RepoRoot.File("openapi", "assistance-api.v1.json");

    /// <summary>The committed document is what the API serves; regenerate with UPDATE_OPENAPI=1 dotnet test.</summary>
    [Fact]
    public async Task Committed_document_matches_the_served_one()
    {
        var served = await DocumentAsync();
        var servedText = served.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n";

        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1") await File.WriteAllTextAsync(Committed, servedText);

        Assert.True(File.Exists(Committed), "openapi/assistance-api.v1.json is missing: run UPDATE_OPENAPI=1 dotnet test");
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(Committed));
        Assert.True(JsonNode.DeepEquals(committed, served),
            "openapi/assistance-api.v1.json differs from the served document: run UPDATE_OPENAPI=1 dotnet test and commit it");
    }

    [Fact]
    public async Task Document_describes_every_endpoint_with_its_problem_responses()
    {
        var doc = await DocumentAsync();
        var paths = doc["paths"]!.AsObject();
        foreach (var path in new[] { "/api/v1/states", "/api/v1/states/{code}", "/api/v1/provisions", "/api/v1/provisions/{id}",
                     "/api/v1/offences", "/api/v1/requests", "/api/v1/requests/{id}", "/api/v1/requests/validation",
                     "/api/v1/requests/{id}/validation", "/api/v1/requests/{id}/submit" })
            Assert.True(paths.ContainsKey(path), $"{path} is not in the document");

        var submit = paths["/api/v1/requests/{id}/submit"]!["post"]!;
        foreach (var status in new[] { "200", "401", "403", "404", "409", "412", "422" })
            Assert.True(submit["responses"]!.AsObject().ContainsKey(status), $"submit does not document {status}");
        Assert.NotNull(submit["summary"]);
        Assert.NotNull(doc["components"]!["securitySchemes"]!["ApiKey"]);
    }

    [Fact]
    public async Task The_api_key_scheme_names_every_role()
    {
        var description = (await DocumentAsync())["components"]!["securitySchemes"]!["ApiKey"]!["description"].Str();

        foreach (var role in ClientRoles.All) Assert.Contains(role, description);
    }

    /// <summary>The two checks write nothing, so a key would protect nothing: they do not offer one, and say why.</summary>
    [Theory]
    [InlineData("/api/v1/requests/validation", false)]
    [InlineData("/api/v1/requests/{id}/validation", false)]
    [InlineData("/api/v1/requests", true)]
    [InlineData("/api/v1/requests/{id}/submit", true)]
    public async Task Only_a_post_that_writes_offers_an_idempotency_key(string path, bool writes)
    {
        var post = (await DocumentAsync())["paths"]![path]!["post"]!;

        Assert.Equal(writes, ParameterNames(post).Contains(IdempotencyContext.Header));
        Assert.Equal(!writes, post["description"].Str().Contains("Writes nothing, so no Idempotency-Key is needed"));
    }

    [Fact]
    public async Task Refusal_grounds_are_an_enum_of_every_name_a_refusal_may_give()
    {
        var grounds = (await DocumentAsync())["components"]!["schemas"]!["RefuseBody"]!["properties"]!["grounds"]!;

        Assert.Equal(["not-in-conformity", "essential-interests", "domestic-law-prohibits", "contrary-to-legal-system", "discrimination-risk",
            "no-dual-criminality", "bank-secrecy", "fiscal-matters"], grounds["items"]!["enum"].Strings());
        // Each ground once: a longer list could only repeat one (it said 10, of 8 names).
        Assert.Equal(grounds["items"]!["enum"]!.AsArray().Count, (int)grounds["maxItems"]!);
    }

    /// <summary>
    /// minLength, maxLength and pattern say nothing of an array: a list says how many items it takes (minItems, maxItems),
    /// its items how long each may be. Every list a client sends is bounded, at most by the body budget.
    /// </summary>
    [Fact]
    public async Task Lists_carry_item_counts_not_string_constraints()
    {
        var document = await DocumentAsync();

        var lists = Objects(document).Where(o => o["type"].Str() == "array").ToList();
        Assert.NotEmpty(lists);
        foreach (var keyword in new[] { "minLength", "maxLength", "pattern" })
            Assert.DoesNotContain(lists, list => list.ContainsKey(keyword));
        var bounds = new Dictionary<string, (int? Min, int Max)>
        {
            ["RequestContent.offences"] = (null, 50), ["RequestContent.measures"] = (null, 16), ["RequestContent.persons"] = (null, 100),
            ["ElectronicData.categories"] = (null, 3), ["ElectronicData.identifiers"] = (null, 100),
            ["RequestInformationBody.questions"] = (1, 50), ["ProvideInformationBody.answers"] = (1, 50), ["ConsultBody.proposedConditions"] = (null, 50),
            ["RefuseBody.grounds"] = (1, 8), ["CompleteBody.evidenceDocumentIds"] = (null, 100),
            ["CreateWebhookBody.types"] = (1, 100), ["UpdateStateBody.acceptedLanguages"] = (null, 20),
        };
        var schemas = document["components"]!["schemas"]!;
        Assert.All(bounds, bound =>
        {
            var list = schemas[bound.Key.Split('.')[0]]!["properties"]![bound.Key.Split('.')[1]]!;
            Assert.Equal(bound.Value, ((int?)list["minItems"], (int)list["maxItems"]!));
        });
        Assert.Equal(20_000, (int)schemas["RequestInformationBody"]!["properties"]!["questions"]!["items"]!["maxLength"]!);
        // No list of texts takes an empty one (each is refused, required or an unknown name): the items say so.
        Assert.All(lists.Select(l => l["items"]).OfType<JsonObject>().Where(i => i["type"].Str() == "string" && i["enum"] is null),
            item => Assert.True((int?)item["minLength"] >= 1, item.ToJsonString()));
    }

    [Fact]
    public async Task Swagger_ui_is_served()
    {
        var response = await api.As(null).GetAsync("/swagger/index.html");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("swagger", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    private static IEnumerable<string> ParameterNames(JsonNode operation) =>
        operation["parameters"]?.AsArray().Select(p => p!["name"].Str()) ?? [];

    private async Task<JsonNode> DocumentAsync() =>
        await (await api.As(null).GetAsync("/swagger/v1/swagger.json")).ExpectAsync(HttpStatusCode.OK);

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Objects(p.Value)).Prepend(o),
        JsonArray a => a.SelectMany(Objects),
        _ => [],
    };
}
