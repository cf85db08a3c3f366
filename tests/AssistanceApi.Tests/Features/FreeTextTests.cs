using System.Net;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using AssistanceApi.Features;
using AssistanceApi.Http;
using AssistanceApi.Tests.Support;
using FastEndpoints;

namespace AssistanceApi.Tests.Features;

/// <summary>
/// One text rule for every free text (issue 11, item 5): the text fields are found by reflection over every body
/// an endpoint binds, so a new field cannot escape; each refuses control characters, C1 controls and bidi overrides
/// with a 400 naming it.
/// </summary>
public sealed class FreeTextTests(SharedApi api) : IClassFixture<SharedApi>
{
    public static readonly string[] Refused = ["\u0001", "\u001b[31m", "a\u0000b", "\u007f", "\u0085", "\u009b31m", "\u202Eevil", "\u2066x\u2069", "\rover"];

    /// <summary>Where each body is sent: a new body type must be added here, or the test fails.</summary>
    private static readonly Dictionary<string, (HttpMethod Method, string Url, string Key, string Body)> Routes = new()
    {
        ["RequestContent"] = (HttpMethod.Post, "/api/v1/requests", DemoKeys.Fra, """{"kind":"mutual-legal-assistance","requestedState":"DEU"}"""),
        ["AcknowledgeBody"] = (HttpMethod.Post, Action("acknowledge"), DemoKeys.Deu, "{}"),
        ["ReasonBody"] = (HttpMethod.Post, Action("withdraw"), DemoKeys.Fra, """{"reason":"r"}"""),
        ["CompleteBody"] = (HttpMethod.Post, Action("complete"), DemoKeys.Deu, """{"outcome":"executed","summary":"s"}"""),
        ["ConsultBody"] = (HttpMethod.Post, Action("consult"), DemoKeys.Deu, """{"intent":"refuse","proposedConditions":[]}"""),
        ["ConditionsAnswerBody"] = (HttpMethod.Post, Action("accept-conditions"), DemoKeys.Fra, "{}"),
        ["PostponeBody"] = (HttpMethod.Post, Action("postpone"), DemoKeys.Deu, "{}"),
        ["RefuseBody"] = (HttpMethod.Post, Action("refuse"), DemoKeys.Deu, """{"grounds":["essential-interests"],"reasons":"r"}"""),
        ["RequestInformationBody"] = (HttpMethod.Post, Action("request-information"), DemoKeys.Deu, """{"questions":["q"]}"""),
        ["ProvideInformationBody"] = (HttpMethod.Post, Action("provide-information"), DemoKeys.Fra, """{"answers":["a"]}"""),
        ["PreservationPeriodBody"] = (HttpMethod.Post, Action("preserve"), DemoKeys.Deu247, """{"preservedUntil":"2027-03-01"}"""),
        ["SendMessageBody"] = (HttpMethod.Post, Action("messages"), DemoKeys.Fra, """{"kind":"other","text":"t"}"""),
        ["CreateClientBody"] = (HttpMethod.Post, "/api/v1/clients", DemoKeys.Secretariat, """{"state":"KEN","role":"central-authority","name":"n"}"""),
        ["CreateWebhookBody"] = (HttpMethod.Post, "/api/v1/webhooks", DemoKeys.Fra, """{"url":"https://hooks.example.org/x"}"""),
        ["UpdateStateBody"] = (HttpMethod.Put, "/api/v1/states/KEN", DemoKeys.Secretariat,
            """{"convention":{"status":"none"},"acceptedLanguages":["en"],"declarations":{},"centralAuthority":{"name":"n"},"contactPoint":{"name":"n"}}"""),
    };

    // Body validation runs before the request is looked up: an id nobody has is enough.
    private static string Action(string action) => $"/api/v1/requests/{Guid.NewGuid()}/{action}";

    /// <summary>Every type an endpoint binds its JSON body to.</summary>
    public static IReadOnlyList<Type> BodyTypes() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IEndpoint).IsAssignableFrom(t))
            .Select(RequestTypeOf).OfType<Type>()
            .Where(t => t != typeof(EmptyRequest) && !t.GetProperties().Any(p => p.IsDefined(typeof(QueryParamAttribute), true)))
            .Distinct().OrderBy(t => t.Name).ToList();

    private static Type? RequestTypeOf(Type endpoint)
    {
        for (var t = endpoint; t is not null; t = t.BaseType)
            if (t.IsGenericType && t.GetGenericTypeDefinition().FullName?.StartsWith("FastEndpoints.Endpoint`", StringComparison.Ordinal) == true)
                return t.GetGenericArguments()[0];
        return null;
    }

    /// <summary>The wire path of each text field of the type, "[0]" standing for an item of a list.</summary>
    public static IEnumerable<string> TextFields(Type type) => Walk(JsonDefaults.Options.GetTypeInfo(type), "");

    private static IEnumerable<string> Walk(JsonTypeInfo info, string prefix)
    {
        foreach (var property in info.Properties)
        {
            var path = prefix + property.Name;
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (type == typeof(string))
            {
                yield return path;
                continue;
            }
            var inner = JsonDefaults.Options.GetTypeInfo(type);
            var element = inner.ElementType is { } e ? JsonDefaults.Options.GetTypeInfo(e) : null;
            if (inner.Kind == JsonTypeInfoKind.Enumerable && element!.Type == typeof(string)) yield return path + "[0]";
            else if (inner.Kind == JsonTypeInfoKind.Enumerable && element!.Kind == JsonTypeInfoKind.Object)
                foreach (var nested in Walk(element, path + "[0].")) yield return nested;
            else if (inner.Kind == JsonTypeInfoKind.Object)
                foreach (var nested in Walk(inner, path + ".")) yield return nested;
        }
    }

    [Fact]
    public void Every_body_has_a_route_in_this_test()
    {
        var bodies = BodyTypes().Select(t => t.Name).ToList();
        Assert.Contains("RequestContent", bodies);
        Assert.Contains("ConsultBody", bodies);
        Assert.Empty(bodies.Except(Routes.Keys));
    }

    [Fact]
    public void The_walk_finds_the_text_inside_lists_and_objects()
    {
        var paths = TextFields(typeof(AssistanceApi.Features.Requests.RequestContent)).ToList();
        Assert.Contains("electronicData.identifiers[0]", paths);
        Assert.Contains("offences[0].description", paths);
        Assert.Contains("persons[0].name", paths);
        Assert.Contains("proceeding.conductingAuthority.name", paths);
        Assert.Contains("requestingAuthority.email", paths);
    }

    [Fact]
    public async Task Every_text_field_of_every_body_refuses_control_characters_and_bidi_overrides_naming_the_field()
    {
        var checkedFields = 0;
        foreach (var type in BodyTypes())
        {
            var (method, url, key, baseBody) = Routes[type.Name];
            var client = api.As(key);
            foreach (var path in TextFields(type))
            foreach (var text in Refused)
            {
                var body = JsonNode.Parse(baseBody)!.AsObject();
                Merge(body, (JsonObject)WrapTop(path, JsonValue.Create(text)!));
                var response = await client.SendAsync(new HttpRequestMessage(method, url)
                {
                    Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
                });
                var answer = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{type.Name} {path} = {Escape(text)}: {(int)response.StatusCode} {answer}");
                var names = JsonNode.Parse(answer)!.AsObject().Names();
                Assert.True(names.Contains(path), $"{type.Name} {path} = {Escape(text)}: the problem names {string.Join(", ", names)}");
                checkedFields++;
            }
        }
        Assert.True(checkedFields > 40 * Refused.Length, $"only {checkedFields / Refused.Length} text fields found");
    }

    private static JsonNode WrapTop(string path, JsonNode leaf)
    {
        // path "a.b[0].c": objects for dotted steps, one-element arrays for [0].
        var steps = path.Split('.');
        JsonNode node = leaf;
        for (var i = steps.Length - 1; i >= 0; i--)
        {
            var step = steps[i];
            var isList = step.EndsWith("[0]", StringComparison.Ordinal);
            var name = isList ? step[..^3] : step;
            if (isList) node = new JsonArray(node);
            node = new JsonObject { [name] = node };
        }
        return node;
    }

    private static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (name, value) in patch.ToList())
        {
            patch.Remove(name);
            if (value is JsonObject inner && target[name] is JsonObject existing) Merge(existing, inner);
            else target[name] = value;
        }
    }

    private static string Escape(string text) => string.Concat(text.Select(c => c < ' ' || c > '~' ? $"\\u{(int)c:x4}" : c.ToString()));

    [Theory]
    [InlineData("requestingAuthority.name")]
    [InlineData("persons[0].name")]
    [InlineData("electronicData.identifiers[0]")]
    [InlineData("proceeding.reference")]
    public async Task A_single_line_field_refuses_line_breaks_and_tabs(string path)
    {
        foreach (var text in new[] { "a\nb", "a\tb", "a\r\nb", "a\u2028b" })
        {
            var body = Bodies.MinimalDraft();
            Merge(body, (JsonObject)WrapTop(path, JsonValue.Create(text)!));
            var problem = await (await api.As(DemoKeys.Fra).PostJsonAsync("/api/v1/requests", body)).ExpectProblemAsync(HttpStatusCode.BadRequest);
            Assert.Equal([path], problem.Names());
            Assert.Equal([FreeText.Code], problem.Codes());
        }
    }

    [Fact]
    public async Task A_long_text_keeps_its_paragraphs_and_any_script()
    {
        var body = Bodies.CompleteMla();
        body["facts"] = "First.\nSecond,\tindented.\r\nThird.\u2029مرحبا \u200Fעברית\u200E 中文 🚨";
        body["persons"] = new JsonArray(new JsonObject { ["name"] = "Zoë O'Brien-Nguyễn", ["role"] = "witness" });
        var created = await (await api.As(DemoKeys.Fra).PostJsonAsync("/api/v1/requests", body)).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(body["facts"].Str(), created["facts"].Str());
    }

    [Theory]
    [InlineData("a", true)]
    [InlineData("line\nline", false)]
    [InlineData("tab\there", false)]
    [InlineData("\u200Fmark", true)]
    [InlineData("\u202Boverride", false)]
    [InlineData("\u00A0nbsp é", true)]
    public void The_rule_for_a_single_line(string text, bool clean) => Assert.Equal(clean, FreeText.IsClean(text, multiLine: false));
}
