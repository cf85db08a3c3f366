using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Host;

/// <summary>
/// Hostile input costs the attacker, not the server (issue 11, item 5): a body of up to 1 MiB gets a small 4xx
/// that lists at most 50 errors and counts the rest, and a rejected body writes nothing. CPU time is measured by
/// hand, not here (timed tests flake); these pin the sizes that kept it low.
/// </summary>
public sealed class HostileCostTests(SharedApi api) : IClassFixture<SharedApi>
{
    private const int MaxResponseBytes = 64 * 1024;
    private const int MaxErrors = 50;

    /// <summary>{"kind":…,"requestedState":"DEU",&lt;field&gt;:[item × count]} with the array written as text.</summary>
    private static string DraftWithList(string field, string item, int count, string? inside = null)
    {
        var list = "[" + string.Join(",", Enumerable.Repeat(item, count)) + "]";
        var value = inside is null ? list : $"{{\"{inside}\":{list}}}";
        return $"{{\"kind\":\"mutual-legal-assistance\",\"requestedState\":\"DEU\",\"{field}\":{value}}}";
    }

    private static string Body(string field, string item, int count, params (string Name, string Json)[] others)
    {
        var parts = others.Select(o => $"\"{o.Name}\":{o.Json}").Append($"\"{field}\":[{string.Join(",", Enumerable.Repeat(item, count))}]");
        return "{" + string.Join(",", parts) + "}";
    }

    public static IEnumerable<(string Label, HttpMethod Method, string Url, string Key, string Body)> HugeLists(string draftUrl)
    {
        var action = $"/api/v1/requests/{Guid.NewGuid()}";
        yield return ("offences of {} × 200,000", HttpMethod.Post, "/api/v1/requests", DemoKeys.Fra, DraftWithList("offences", "{}", 200_000));
        yield return ("offences of {} × 200,000 (validation)", HttpMethod.Post, "/api/v1/requests/validation", DemoKeys.Fra, DraftWithList("offences", "{}", 200_000));
        yield return ("persons of {} × 200,000", HttpMethod.Post, "/api/v1/requests", DemoKeys.Fra, DraftWithList("persons", "{}", 200_000));
        yield return ("persons of null × 200,000", HttpMethod.Post, "/api/v1/requests", DemoKeys.Fra, DraftWithList("persons", "null", 200_000));
        yield return ("measures × 50,000", HttpMethod.Post, "/api/v1/requests", DemoKeys.Fra, DraftWithList("measures", "\"taking-evidence\"", 50_000));
        yield return ("identifiers of \"\" × 300,000", HttpMethod.Post, "/api/v1/requests", DemoKeys.Fra, DraftWithList("electronicData", "\"\"", 300_000, inside: "identifiers"));
        yield return ("categories × 100,000", HttpMethod.Post, "/api/v1/requests", DemoKeys.Fra, DraftWithList("electronicData", "\"traffic\"", 100_000, inside: "categories"));
        yield return ("patch offences of {} × 200,000", HttpMethod.Patch, draftUrl, DemoKeys.Fra, Body("offences", "{}", 200_000));
        yield return ("proposedConditions of \"\" × 300,000", HttpMethod.Post, $"{action}/consult", DemoKeys.Deu, Body("proposedConditions", "\"\"", 300_000, ("intent", "\"refuse\"")));
        yield return ("questions of \"\" × 300,000", HttpMethod.Post, $"{action}/request-information", DemoKeys.Deu, Body("questions", "\"\"", 300_000));
        yield return ("answers of \"\" × 300,000", HttpMethod.Post, $"{action}/provide-information", DemoKeys.Fra, Body("answers", "\"\"", 300_000));
        yield return ("grounds of \"\" × 300,000", HttpMethod.Post, $"{action}/refuse", DemoKeys.Deu, Body("grounds", "\"\"", 300_000, ("reasons", "\"r\"")));
        yield return ("acceptedLanguages × 200,000", HttpMethod.Put, "/api/v1/states/KEN", DemoKeys.Secretariat,
            Body("acceptedLanguages", "\"xx\"", 200_000, ("convention", """{"status":"none"}"""), ("declarations", "{}")));
        yield return ("an unknown field named by 900,000 characters", HttpMethod.Post, "/api/v1/requests", DemoKeys.Fra,
            $"{{\"kind\":\"mutual-legal-assistance\",\"{new string('x', 900_000)}\":1}}");
        yield return ("a patch of 60,000 unknown fields", HttpMethod.Patch, draftUrl, DemoKeys.Fra,
            "{" + string.Join(",", Enumerable.Range(0, 60_000).Select(i => $"\"f{i}\":null")) + "}");
    }

    [Fact]
    public async Task A_body_of_up_to_1_MiB_gets_a_small_4xx_with_at_most_50_errors()
    {
        var fra = api.As(DemoKeys.Fra);
        var draftUrl = $"/api/v1/requests/{await fra.CreateDraftAsync(Bodies.CompleteMla())}";
        var draft = await (await fra.GetAsync(draftUrl)).Content.ReadAsStringAsync();

        foreach (var (label, method, url, key, body) in HugeLists(draftUrl))
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            Assert.True(bytes.Length <= 1 << 20, $"{label}: the body itself is {bytes.Length} bytes");
            var message = new HttpRequestMessage(method, url) { Content = new ByteArrayContent(bytes) };
            message.Content.Headers.ContentType = new(method == HttpMethod.Patch ? "application/merge-patch+json" : "application/json");
            var response = await api.As(key).SendAsync(message);
            var answer = await response.Content.ReadAsByteArrayAsync();

            Assert.True((int)response.StatusCode == 400, $"{label}: {(int)response.StatusCode} {Encoding.UTF8.GetString(answer[..Math.Min(answer.Length, 500)])}");
            Assert.True(answer.Length <= MaxResponseBytes, $"{label}: a {answer.Length}-byte answer");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonNode.Parse(answer)!.AsObject();
            Assert.InRange(problem["errors"]!.AsArray().Count, 1, MaxErrors);
        }
        Assert.Equal(draft, await (await fra.GetAsync(draftUrl)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_list_over_its_limit_is_one_error_not_one_per_item()
    {
        var problem = await (await api.As(DemoKeys.Fra).PostRawAsync("/api/v1/requests", DraftWithList("offences", "{}", 200_000)))
            .ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["offences"], problem.Names());
        Assert.Equal(["too-many"], problem.Codes());
        Assert.Null(problem["errorsOmitted"]);
    }

    [Fact]
    public async Task Beyond_50_errors_a_problem_says_how_many_more_there_were()
    {
        // 50 offences (the limit), each wrong twice: 100 errors.
        var body = DraftWithList("offences", """{"article":0,"description":"a\u0001"}""", 50);

        var problem = await (await api.As(DemoKeys.Fra).PostRawAsync("/api/v1/requests", body)).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(MaxErrors, problem["errors"]!.AsArray().Count);
        Assert.Equal(50, problem["errorsOmitted"]!.GetValue<int>());
        Assert.Equal("offences[0].article", problem.Names()[0]);
    }

    [Fact]
    public async Task A_field_name_of_900000_characters_is_cut_in_the_problem()
    {
        var body = $"{{\"kind\":\"mutual-legal-assistance\",\"{new string('x', 900_000)}\":1}}";

        var problem = await (await api.As(DemoKeys.Fra).PostRawAsync("/api/v1/requests", body)).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.All(problem.Names(), name => Assert.True(name.Length <= 301, $"a name of {name.Length} characters"));
    }

    // ---- merge patch: unknown names are a 400 whether null or not, and nothing is written ----

    public static TheoryData<string, string> UnknownPatches => new()
    {
        { """{"unknownField":null}""", "unknownField" },
        { """{"unknownField":"x"}""", "unknownField" },
        { """{"Facts":null}""", "Facts" },
        { """{"facts":"ok","proceeding":{"zzz":null}}""", "proceeding.zzz" },
        { """{"proceeding":{"conductingAuthority":{"zzz":null}}}""", "proceeding.conductingAuthority.zzz" },
        { """{"electronicData":{"identifiers":null,"zzz":null}}""", "electronicData.zzz" },
        { """{"offences":[{"article":7,"zzz":null}]}""", "offences[0].zzz" },
    };

    [Theory]
    [MemberData(nameof(UnknownPatches))]
    public async Task A_patch_naming_an_unknown_field_is_400_and_changes_nothing(string patch, string name)
    {
        var fra = api.As(DemoKeys.Fra);
        var url = $"/api/v1/requests/{await fra.CreateDraftAsync(Bodies.CompleteMla())}";
        var before = await (await fra.GetAsync(url)).Content.ReadAsStringAsync();
        var history = await (await fra.GetAsync(url + "/history")).Content.ReadAsStringAsync();

        var problem = await (await fra.PatchJsonAsync(url, JsonNode.Parse(patch)!)).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(problem.Names(), n => n == name || n.EndsWith(name.Split('.')[^1], StringComparison.Ordinal));
        Assert.Equal(before, await (await fra.GetAsync(url)).Content.ReadAsStringAsync());
        Assert.Equal(history, await (await fra.GetAsync(url + "/history")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_patch_of_60000_unknown_fields_set_to_null_writes_nothing_into_the_history()
    {
        var fra = api.As(DemoKeys.Fra);
        var id = await fra.CreateDraftAsync(Bodies.CompleteMla());
        var url = $"/api/v1/requests/{id}";
        var patch = "{" + string.Join(",", Enumerable.Range(0, 60_000).Select(i => $"\"f{i}\":null")) + "}";

        var response = await fra.SendAsync(new HttpRequestMessage(HttpMethod.Patch, url)
        {
            Content = new StringContent(patch, Encoding.UTF8, "application/merge-patch+json"),
        });
        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["too-many-values"], problem.Codes());
        var events = (await (await fra.GetAsync(url + "/history")).ExpectAsync(HttpStatusCode.OK))["events"]!.AsArray();
        Assert.Equal(["create"], events.Select(e => e!["action"].Str()));
        Assert.Equal([0L], await api.Database.QueryAsync<long>("SELECT COUNT(*) FROM request_events WHERE details LIKE '%\"f1\"%'"));
    }

    [Fact]
    public async Task A_patch_of_60_unknown_fields_lists_50_and_counts_the_rest()
    {
        var fra = api.As(DemoKeys.Fra);
        var url = $"/api/v1/requests/{await fra.CreateDraftAsync(Bodies.CompleteMla())}";
        var patch = "{" + string.Join(",", Enumerable.Range(0, 60).Select(i => $"\"f{i}\":null")) + "}";

        var problem = await (await fra.PatchJsonAsync(url, JsonNode.Parse(patch)!)).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(MaxErrors, problem["errors"]!.AsArray().Count);
        Assert.Equal(10, problem["errorsOmitted"]!.GetValue<int>());
        Assert.All(problem.Codes(), code => Assert.Equal("unknown-field", code));
        Assert.Equal(["create"], (await (await fra.GetAsync(url + "/history")).ExpectAsync(HttpStatusCode.OK))["events"]!.AsArray()
            .Select(e => e!["action"].Str()));
    }

    [Theory]
    [InlineData("offences", "{}", 100, "offences")]
    [InlineData("offences", "{}", 101, "offences")]
    public async Task A_list_over_its_limit_is_one_error_whatever_its_items(string field, string item, int count, string name)
    {
        var problem = await (await api.As(DemoKeys.Fra).PostRawAsync("/api/v1/requests", DraftWithList(field, item, count)))
            .ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal([name], problem.Names());
        Assert.Equal(["too-many"], problem.Codes());
    }

    [Fact]
    public async Task A_nested_list_over_the_budget_is_named_by_its_path()
    {
        var problem = await (await api.As(DemoKeys.Fra).PostRawAsync("/api/v1/requests",
                DraftWithList("electronicData", "\"203.0.113.7\"", 101, inside: "identifiers")))
            .ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["electronicData.identifiers"], problem.Names());
    }

    [Fact]
    public async Task A_patch_with_known_fields_set_to_null_still_removes_them()
    {
        var fra = api.As(DemoKeys.Fra);
        var url = $"/api/v1/requests/{await fra.CreateDraftAsync(Bodies.CompleteMla())}";

        var patched = await (await fra.PatchJsonAsync(url, JsonNode.Parse("""{"purpose":null,"proceeding":{"reference":null}}""")!))
            .ExpectAsync(HttpStatusCode.OK);

        Assert.Null(patched["purpose"]);
        Assert.Null(patched["proceeding"]!["reference"]);
        Assert.Equal("Ransomware attack on a hospital", patched["proceeding"]!["subject"].Str());
    }
}
