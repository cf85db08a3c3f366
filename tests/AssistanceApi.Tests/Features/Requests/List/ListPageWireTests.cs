using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Features.Requests.List;

/// <summary>
/// The list's wire bytes, pinned: pages written straight from the stored documents must be exactly the pages the
/// serializer wrote from the mapped resource (every kind, every status with its progress, nulls, unicode, both sides).
/// Ids are replaced by their order of appearance, so the golden file does not depend on the ids drawn.
/// Regenerate with UPDATE_GOLDEN=1 only when the contract changes on purpose.
/// </summary>
public sealed partial class ListPageWireTests
{
    private static readonly string Golden = RepoRoot.File("tests", "AssistanceApi.Tests", "Features", "Requests", "List", "list-page.golden.txt");

    [Fact]
    public async Task The_list_pages_are_byte_for_byte_the_pinned_ones()
    {
        await using var api = new ApiFactory();
        await ArrangeAsync(api);
        await SettledAsync(api.As(DemoKeys.Fra), "/api/v1/requests?limit=200");

        var served = new StringBuilder();
        foreach (var (name, key, query) in Views)
        {
            var response = await api.As(key).GetAsync($"/api/v1/requests?{query}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            served.Append("== ").Append(name).Append(' ').Append(query).Append('\n');
            served.Append("content-type: ").Append(response.Content.Headers.ContentType).Append('\n');
            served.Append("etag: ").Append(response.ETag()).Append('\n');
            served.Append(await response.Content.ReadAsStringAsync()).Append('\n');
        }
        var text = Normalised(served.ToString());

        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1") await File.WriteAllTextAsync(Golden, text);
        Assert.True(File.Exists(Golden), "list-page.golden.txt is missing: run UPDATE_GOLDEN=1 dotnet test");
        var pinned = await File.ReadAllTextAsync(Golden);
        Assert.Equal(pinned, text);

        // Parsed as well, so a failure names the first field that moved (the order of properties included).
        var pinnedPages = Pages(pinned);
        var servedPages = Pages(text);
        Assert.Equal(pinnedPages.Count, servedPages.Count);
        for (var i = 0; i < pinnedPages.Count; i++) Assert.True(JsonNode.DeepEquals(pinnedPages[i], servedPages[i]), $"page {i} differs");
    }

    [Fact]
    public async Task Each_request_reads_by_id_byte_for_byte_as_it_lists()
    {
        await using var api = new ApiFactory();
        await ArrangeAsync(api);
        foreach (var key in new[] { DemoKeys.Fra, DemoKeys.Deu })
        {
            var client = api.As(key);
            using var page = System.Text.Json.JsonDocument.Parse(await SettledAsync(client, "/api/v1/requests?limit=200"));
            foreach (var item in page.RootElement.GetProperty("items").EnumerateArray())
            {
                var response = await client.GetRequestAsync(item.GetProperty("id").GetString()!);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
                Assert.Equal($"\"{item.GetProperty("version").GetInt64()}\"", response.ETag());
                Assert.Equal(item.GetRawText(), await response.Content.ReadAsStringAsync());
            }
        }
    }

    /// <summary>
    /// The page once the background sweeps woken by the clock's jump have written (the expiry sweep bumps the lapsed
    /// preservation's version): two reads in a row agree.
    /// </summary>
    private static async Task<string> SettledAsync(HttpClient client, string url)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        var before = await client.GetStringAsync(url);
        while (true)
        {
            await Task.Delay(300);
            var now = await client.GetStringAsync(url);
            if (now == before || DateTime.UtcNow > deadline) return now;
            before = now;
        }
    }

    private static readonly (string Name, string Key, string Query)[] Views =
    [
        ("FRA", DemoKeys.Fra, "limit=200"),
        ("FRA", DemoKeys.Fra, "limit=2"),
        ("DEU", DemoKeys.Deu, "direction=incoming&limit=200"),
        ("DEU", DemoKeys.Deu, "limit=200"),
        ("BRA", DemoKeys.Bra, "limit=200"),
    ];

    private static async Task ArrangeAsync(ApiFactory api)
    {
        var fra = api.As(DemoKeys.Fra);
        var deu = api.As(DemoKeys.Deu);
        foreach (var path in LifecycleTable.Paths.Keys)
        {
            await Case.AtAsync(api, path);
            api.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var answered = await Case.AtAsync(api, "information-requested");
        await answered.ActAsync(answered.Fra, "provide-information");
        await Case.AtAsync(api, "submitted", Unicode(Bodies.CompleteMla()));
        await fra.CreateDraftAsync(Rich());
        await fra.CreateDraftAsync(Bodies.MinimalDraft("BRA", "expedited-preservation"));
        await fra.CreateDraftAsync(Bodies.MinimalDraft("KEN", "traffic-data-disclosure"));
        var preserved = await Preservations.PreservedIdAsync(fra, deu, "2027-03-01");
        await fra.CreateDraftAsync(Bodies.Disclosure(preserved));
        await Preservations.PreservedIdAsync(fra, deu, "2027-01-26");
        await Preservations.PreservedIdAsync(fra, api.As(DemoKeys.Bra), "2027-03-02", Bodies.CompletePreservation("BRA"));

        var incoming = await deu.SubmitNewAsync(Bodies.CompleteMla("FRA"));
        await fra.ActAsync(incoming, "acknowledge");
        await deu.SubmitNewAsync(Unicode(Bodies.CompleteMla("FRA")));
        await deu.CreateDraftAsync(Bodies.CompleteMla("FRA"));

        api.Clock.Advance(TimeSpan.FromDays(70)); // the preservation until 26 January has lapsed: it lists as expired
    }

    /// <summary>Text that every escaping rule meets: accents, CJK, an emoji, HTML characters, quotes, controls, U+2028.</summary>
    private const string Awkward = "Données chiffrées — 漢字 😀 <b>&amp;</b> \"quoted\" 'single' back\\slash\nline\ttab\u2028end +33 \u00a0nbsp";

    private static JsonObject Unicode(JsonObject body)
    {
        body["facts"] = Awkward;
        body["purpose"] = "Établir l'accès — ü ß ø";
        return body;
    }

    /// <summary>A draft with every field of the content filled in, numbers with trailing zeros included.</summary>
    private static JsonObject Rich() => new()
    {
        ["kind"] = "mutual-legal-assistance",
        ["requestedState"] = "DEU",
        ["legalBasis"] = "bilateral-treaty",
        ["requestingAuthority"] = new JsonObject { ["name"] = "Ministère de la Justice", ["functions"] = "Autorité centrale", ["email"] = "bec@justice.example.fr", ["phone"] = "+33 1 44 77 60 60" },
        ["proceeding"] = new JsonObject
        {
            ["nature"] = "prosecution", ["subject"] = Awkward, ["reference"] = "PAR-2026-0042",
            ["conductingAuthority"] = new JsonObject { ["name"] = "Juge d'instruction", ["functions"] = "Investigating judge" },
        },
        ["offences"] = new JsonArray(new JsonObject { ["article"] = 7 }, new JsonObject { ["description"] = "Extortion", ["maxPenaltyYears"] = JsonValue.Create(7.50m) }),
        ["facts"] = Awkward,
        ["measures"] = new JsonArray("search-and-seizure", "stored-data-access", "video-hearing"),
        ["assistanceSought"] = "Seize the servers.",
        ["procedures"] = "Keep a chain of custody.",
        ["persons"] = new JsonArray(
            new JsonObject { ["name"] = "J. Doe", ["role"] = "account-holder", ["location"] = "Berlin", ["nationality"] = "DEU" },
            new JsonObject { ["name"] = "Zoë Ångström", ["role"] = "witness" }),
        ["purpose"] = "Evidence for trial.",
        ["language"] = "de",
        ["urgent"] = true,
        ["urgencyReasons"] = "Logs rotate.",
        ["emergency"] = false,
        ["deadline"] = "2027-06-30",
        ["deadlineReasons"] = "Trial date.",
        ["confidential"] = true,
        ["relatedRequestId"] = "0195f0a4-7b1c-7c3e-9a51-3d2f1e0b8c7a",
        ["electronicData"] = new JsonObject
        {
            ["categories"] = new JsonArray("subscriber", "traffic"), ["identifiers"] = new JsonArray("attacker@example.org", "203.0.113.7"),
            ["from"] = "2026-01-01", ["to"] = "2026-03-31",
        },
    };

    /// <summary>Ids numbered in their order of appearance; cursors (which encode an id) replaced by a mark.</summary>
    private static string Normalised(string text)
    {
        var ids = new Dictionary<string, string>();
        text = GuidPattern().Replace(text, m =>
        {
            if (!ids.TryGetValue(m.Value, out var name)) ids[m.Value] = name = $"id-{ids.Count + 1:D3}";
            return name;
        });
        return CursorPattern().Replace(text, "\"nextCursor\":\"<cursor>\"");
    }

    private static List<JsonNode?> Pages(string text) =>
        text.Split('\n').Where(l => l.StartsWith('{')).Select(l => JsonNode.Parse(l)).ToList();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex GuidPattern();

    [GeneratedRegex("\"nextCursor\":\"[^\"]+\"")]
    private static partial Regex CursorPattern();
}
