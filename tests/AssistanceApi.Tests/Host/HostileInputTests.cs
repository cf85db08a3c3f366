using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;
using CsCheck;
using static AssistanceApi.Tests.Support.ClientCalls;

namespace AssistanceApi.Tests.Host;

/// <summary>
/// Thousands of hostile bodies, each a valid body with one path broken: never a 5xx, every 4xx problem+json with
/// nothing internal in it, and nothing written by a rejected call (contract §1 "never").
/// </summary>
public sealed class HostileInputTests
{
    /// <summary>Bodies per property; raise it with SECURITY_FUZZ_ITERATIONS for a longer hunt.</summary>
    private static readonly int Iterations =
        int.TryParse(Environment.GetEnvironmentVariable("SECURITY_FUZZ_ITERATIONS"), out var n) && n > 0 ? n : 1500;

    // ---- the mutations -------------------------------------------------------------------------------------------

    public sealed record Replacement(string Label, byte[] Raw);

    public abstract record Operation;
    public sealed record Replace(Replacement With) : Operation;
    public sealed record DuplicateKey(Replacement Second) : Operation;
    public sealed record ExtraField(string Name, Replacement Value) : Operation;
    public sealed record Truncate(int At) : Operation;

    public sealed record Hostile(string Label, byte[] Body)
    {
        public override string ToString()
        {
            var text = Encoding.UTF8.GetString(Body);
            return $"{Label} :: {(text.Length > 300 ? text[..300] + $"… ({Body.Length} bytes)" : text)}";
        }
    }

    private static byte[] U(string text) => Encoding.UTF8.GetBytes(text);

    private static Replacement R(string label, string raw) => new(label, U(raw));

    private static Replacement Bytes(string label, params byte[][] parts) => new(label, parts.SelectMany(p => p).ToArray());

    private static string Nest(int depth, string open, string close, string inner = "1") =>
        string.Concat(Enumerable.Repeat(open, depth)) + inner + string.Concat(Enumerable.Repeat(close, depth));

    private static readonly Replacement[] Fixed =
    [
        R("null", "null"),
        // wrong types
        R("number", "42"), R("string", "\"x\""), R("empty string", "\"\""), R("blank string", "\"   \""), R("true", "true"), R("false", "false"),
        R("empty array", "[]"), R("array", "[1,\"a\",true,null]"), R("array of null", "[null]"), R("empty object", "{}"),
        R("object", "{\"a\":1}"), R("offence object", "{\"article\":7}"), R("state code", "\"DEU\""), R("own state", "\"FRA\""),
        R("kind", "\"expedited-preservation\""), R("bad date", "\"2026-02-30\""), R("bad timestamp", "\"2026-13-45T25:61:00Z\""),
        R("date", "\"2027-01-15\""), R("uuid", "\"019a4a3e-8c1f-7d2a-9b3c-4d5e6f708192\""),
        // numbers
        R("1e400", "1e400"), R("-1e400", "-1e400"), R("1E-400", "1E-400"), R("-0", "-0"), R("0", "0"), R("-1", "-1"),
        R("9999999999999999999", "9999999999999999999"), R("-9999999999999999999", "-9999999999999999999"),
        R("2^63", "9223372036854775808"), R("2^31", "2147483648"), R("1.5", "1.5"), R("7.0", "7.0"), R("17", "17"), R("4e0", "4e0"),
        R("30 digits", "123456789012345678901234567890"), R("hex (invalid JSON)", "0x10"), R("NaN (invalid JSON)", "NaN"),
        R("Infinity (invalid JSON)", "Infinity"), R("leading zero (invalid JSON)", "01"), R("number as string", "\"7\""),
        // unicode, literal UTF-8
        R("emoji", "\"🚨💣🏴‍☠️ 👩🏽‍⚖️\""), R("RTL override", "\"\u202Eevil\u202C text \u200F\""), R("arabic", "\"مرحبا بالعالم\""),
        R("combining marks", "\"e\u0301\u0301\u0301\u0301\u0301 Z\u0338\u0322\u031B\u0353a\u0337\""), R("zero width", "\"a\u200Bb\uFEFFc\u2060\""),
        R("cjk", "\"中文 日本語 한국어\""), R("astral", "\"𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𐀀\""), R("newlines", "\"line1\\nline2\\r\\n\\t\""),
        R("html", "\"<script>alert(1)</script>\""), R("sql", "\"'; DROP TABLE requests; --\""), R("format string", "\"{0} %s %n ${x}\""),
        // escaped, including lone surrogates
        R("NUL escaped", "\"a\\u0000b\""), R("lone high surrogate", "\"\\ud800\""), R("lone low surrogate", "\"abc\\udfff\""),
        R("reversed pair", "\"\\udc00\\ud800\""), R("escaped pair", "\"\\ud83d\\ude00\""), R("high surrogate at end", "\"text\\ud83d\""),
        R("control chars escaped", "\"\\u0001\\u001f\\u007f\""), R("bad escape (invalid JSON)", "\"\\x41\""), R("raw control char", "\"a\u0001b\""),
        // huge
        new("100k string", U("\"" + new string('a', 100_000) + "\"")),
        new("100k unicode string", U("\"" + string.Concat(Enumerable.Repeat("é🚨", 33_000)) + "\"")),
        new("10k element array", U("[" + string.Join(",", Enumerable.Repeat("\"taking-evidence\"", 10_000)) + "]")),
        new("1.1 MB string", U("\"" + new string('b', 1_100_000) + "\"")),
        // deep
        R("100 nested arrays", Nest(100, "[", "]")), R("100 nested objects", Nest(100, "{\"a\":", "}")),
        R("33 nested arrays", Nest(33, "[", "]")), R("31 nested objects", Nest(31, "{\"a\":", "}", "{}")),
        R("10000 nested arrays", Nest(10_000, "[", "]")), R("unclosed nesting (invalid JSON)", new string('[', 200)),
        // invalid UTF-8
        Bytes("invalid byte FF", U("\""), [0xFF], U("\"")), Bytes("invalid pair C3 28", U("\"a"), [0xC3, 0x28], U("b\"")),
        Bytes("UTF-8 encoded surrogate", U("\""), [0xED, 0xA0, 0x80], U("\"")), Bytes("overlong slash", U("\""), [0xC0, 0xAF], U("\"")),
        Bytes("truncated sequence", U("\""), [0xE2, 0x82], U("\"")), Bytes("above U+10FFFF", U("\""), [0xF4, 0x90, 0x80, 0x80], U("\"")),
        Bytes("bare FE FF", [0xFE, 0xFF]), Bytes("BOM before value", [0xEF, 0xBB, 0xBF], U("\"x\"")), Bytes("NUL byte", U("\"a"), [0x00], U("b\"")),
        // not a value
        R("nothing (invalid JSON)", ""), R("comment (invalid JSON)", "/* c */ 1"), R("trailing comma (invalid JSON)", "[1,]"),
        R("single quotes (invalid JSON)", "'x'"), R("two values (invalid JSON)", "1 2"),
    ];

    private static readonly string[] ExtraNames =
    [
        "unknownField", "KIND", "Kind", "requestingState", "id", "status", "version", "reference", "createdAt", "allowedActions",
        "$type", "$ref", "__proto__", "constructor", "", " ", "facts ", "fácts", "x".PadRight(300, 'x'),
    ];

    private static readonly Gen<Replacement> Replacements = Gen.Frequency(
        (8, Gen.OneOf(Fixed)),
        (2, Gen.String[0, 40].Select(s => new Replacement("random string", JsonSerializer.SerializeToUtf8Bytes(s)))),
        (1, Gen.Int.Select(i => new Replacement("random int", U(i.ToString(CultureInfo.InvariantCulture))))),
        (1, Gen.Double.Select(d => new Replacement("random double",
            U(double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "1e999")))));

    private static readonly Gen<Operation> Operations = Gen.Frequency(
        (8, Replacements.Select(r => (Operation)new Replace(r))),
        (2, Replacements.Select(r => (Operation)new DuplicateKey(r))),
        (2, Gen.Select(Gen.OneOf(ExtraNames), Replacements, (n, r) => (Operation)new ExtraField(n, r))),
        (1, Gen.Int[1, 100_000].Select(n => (Operation)new Truncate(n))));

    /// <summary>Every node of the body, as a path of property names and array indexes; the empty path is the body itself.</summary>
    private static List<object[]> PathsOf(JsonNode node, object[] prefix)
    {
        var paths = new List<object[]> { prefix };
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, child) in o)
                    paths.AddRange(child is null ? [[.. prefix, name]] : PathsOf(child, [.. prefix, name]));
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                    paths.AddRange(a[i] is null ? [[.. prefix, i]] : PathsOf(a[i]!, [.. prefix, i]));
                break;
        }
        return paths;
    }

    private static JsonNode? At(JsonNode root, object[] path)
    {
        var node = root;
        foreach (var step in path) node = step is string name ? node![name] : node![(int)step];
        return node;
    }

    private static void Set(JsonNode root, object[] path, JsonNode? value)
    {
        var parent = At(root, path[..^1])!;
        if (path[^1] is string name) parent[name] = value;
        else parent[(int)path[^1]] = value;
    }

    private const string Sentinel = "__hostile_value__";

    private static byte[] Splice(JsonNode body, byte[] raw)
    {
        var text = JsonSerializer.SerializeToUtf8Bytes(body);
        var marker = U($"\"{Sentinel}\"");
        var at = text.AsSpan().IndexOf(marker);
        return [.. text[..at], .. raw, .. text[(at + marker.Length)..]];
    }

    /// <summary>The body with the operation applied at the path.</summary>
    private static Hostile Apply(Func<JsonObject> make, object[] path, Operation operation)
    {
        var body = make();
        var where = path.Length == 0 ? "$" : "$." + string.Join('.', path);
        switch (operation)
        {
            case Replace(var with) when path.Length == 0:
                return new Hostile($"body ← {with.Label}", with.Raw);
            case Replace(var with):
                Set(body, path, Sentinel);
                return new Hostile($"{where} ← {with.Label}", Splice(body, with.Raw));
            case DuplicateKey(var second):
            {
                // The last property name on the path, written twice; under an array or at the top, "kind".
                var key = path.Length > 0 && path[^1] is string ? path : ["kind"];
                var original = At(body, key)?.ToJsonString() ?? "null";
                Set(body, key, Sentinel);
                var raw = U($"{original},{JsonSerializer.Serialize((string)key[^1])}:").Concat(second.Raw).ToArray();
                return new Hostile($"$.{string.Join('.', key)} twice, second {second.Label}", Splice(body, raw));
            }
            case ExtraField(var name, var value):
            {
                var target = At(body, path) as JsonObject ?? (path.Length > 0 ? At(body, path[..^1]) as JsonObject : null) ?? body;
                target[name] = Sentinel;
                return new Hostile($"extra field '{name}' = {value.Label} near {where}", Splice(body, value.Raw));
            }
            case Truncate(var at):
            {
                var text = JsonSerializer.SerializeToUtf8Bytes(body);
                var cut = at % text.Length;
                return new Hostile($"truncated at byte {cut}", text[..cut]);
            }
            default:
                throw new InvalidOperationException(operation.ToString());
        }
    }

    /// <summary>Hostile variants of the bodies <paramref name="make"/> builds.</summary>
    private static Gen<Hostile> HostileOf(Func<JsonObject> make)
    {
        var paths = PathsOf(make(), []);
        return Gen.Select(Gen.Int[0, paths.Count - 1], Operations, (p, op) => Apply(make, paths[p], op));
    }

    // ---- sending and checking ------------------------------------------------------------------------------------

    private static readonly string[] Internals = ["   at ", ".cs:line", "Exception", "System.", "AssistanceApi.", "SQLite", "SELECT ", "INSERT "];

    /// <summary>Sends the body; asserts no 5xx, a status of the allowed set, and for 4xx a clean problem+json. Returns status and text.</summary>
    private static async Task<(int Status, string Text)> SendAsync(
        HttpClient client, HttpMethod method, string url, Hostile hostile, string mediaType, params int[] allowed)
    {
        var content = new ByteArrayContent(hostile.Body);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        var response = await client.SendAsync(new HttpRequestMessage(method, url) { Content = content });
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();

        if (status >= 500) throw new Exception($"{method} {url} → {status}: {text}");
        if (!allowed.Contains(status)) throw new Exception($"{method} {url} → unexpected {status}: {text}");
        if (status >= 400)
        {
            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                throw new Exception($"{method} {url} → {status} as {response.Content.Headers.ContentType}: {text}");
            var problem = JsonNode.Parse(text)!.AsObject();
            if (problem["status"]?.GetValue<int>() != status || string.IsNullOrEmpty(problem["title"]?.GetValue<string>()))
                throw new Exception($"{method} {url} → {status} with a malformed problem: {text}");
            foreach (var leak in Internals)
                if (text.Contains(leak, StringComparison.Ordinal))
                    throw new Exception($"{method} {url} → {status} names internals ('{leak}'): {text}");
        }
        return (status, text);
    }

    private static ApiFactory Factory()
    {
        var api = new ApiFactory();
        api.Settings["RateLimiting:PermitsPerMinute"] = "1000000";
        return api;
    }

    // ---- the properties ------------------------------------------------------------------------------------------

    [Fact]
    public async Task Hostile_creates_never_fail_the_server_and_write_only_what_they_answer_201_for()
    {
        await using var api = Factory();
        var fra = api.As(DemoKeys.Fra);
        var before = (await fra.AllOutgoingAsync()).Count;
        var created = 0;
        var statuses = new Dictionary<int, int>();

        await HostileOf(() => Bodies.CompleteMla()).SampleAsync(async hostile =>
        {
            var (status, text) = await SendAsync(fra, HttpMethod.Post, "/api/v1/requests", hostile, "application/json", 201, 400, 413, 422);
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status != 201) return;
            created++;
            var resource = JsonNode.Parse(text)!;
            if (resource["requestingState"].Str() != "FRA" || resource["status"].Str() != "draft" || resource["version"]!.GetValue<long>() != 1)
                throw new Exception($"a body chose what the server owns: {text[..Math.Min(text.Length, 500)]}");
        }, iter: Iterations, threads: 1, print: h => h.ToString());

        Assert.Equal(before + created, (await fra.AllOutgoingAsync()).Count);
        Assert.True(statuses.GetValueOrDefault(400) > Iterations / 3, $"mostly rejected as expected: {string.Join(", ", statuses)}");
    }

    [Fact]
    public async Task Hostile_validations_never_fail_the_server_and_write_nothing()
    {
        await using var api = Factory();
        var fra = api.As(DemoKeys.Fra);
        var before = (await fra.AllOutgoingAsync()).Count;
        var reports = 0;

        await HostileOf(() => Bodies.CompleteMla()).SampleAsync(async hostile =>
        {
            var (status, text) = await SendAsync(fra, HttpMethod.Post, "/api/v1/requests/validation", hostile, "application/json", 200, 400, 413);
            if (status != 200) return;
            reports++;
            var report = JsonNode.Parse(text)!;
            if (report["compliant"] is null || report["findings"] is not JsonArray)
                throw new Exception($"not a validation report: {text[..Math.Min(text.Length, 500)]}");
        }, iter: Iterations, threads: 1, print: h => h.ToString());

        Assert.True(reports > 0, "no hostile body was well-formed enough to be validated");
        Assert.Equal(before, (await fra.AllOutgoingAsync()).Count);
    }

    private static bool IsEmptyObject(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body) is JsonObject { Count: 0 };
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    [Fact]
    public async Task Hostile_patches_never_fail_the_server_and_a_rejected_patch_changes_nothing()
    {
        await using var api = Factory();
        var fra = api.As(DemoKeys.Fra);
        var id = await fra.CreateDraftAsync(Bodies.CompleteMla());
        var url = $"/api/v1/requests/{id}";
        var last = await (await fra.GetAsync(url)).Content.ReadAsStringAsync();
        var accepted = 0;

        await HostileOf(() => Bodies.CompleteMla()).SampleAsync(async hostile =>
        {
            var (status, _) = await SendAsync(fra, HttpMethod.Patch, url, hostile, "application/merge-patch+json", 200, 400, 413, 422);
            var now = await (await fra.GetAsync(url)).Content.ReadAsStringAsync();
            var (was, @is) = (JsonNode.Parse(last)!["version"]!.GetValue<long>(), JsonNode.Parse(now)!["version"]!.GetValue<long>());
            if (status == 200)
            {
                accepted++;
                // A patch whose result is the draft as it is ({} among them) adds no version and changes nothing shown;
                // any other adds exactly one.
                if (@is == was && now != last) throw new Exception($"accepted patch changed the draft without a new version ({was})");
                if (@is != was && (@is != was + 1 || IsEmptyObject(hostile.Body)))
                    throw new Exception($"accepted patch moved version {was} → {@is}");
            }
            else if (now != last)
                throw new Exception($"rejected patch ({status}) changed the draft: version {was} → {@is}");
            last = now;
        }, iter: Iterations, threads: 1, print: h => h.ToString());

        Assert.True(accepted > 0, "no hostile patch was accepted: the property never reached the write");
        Assert.Equal("draft", JsonNode.Parse(last)!["status"].Str());
    }

    private static readonly (string Action, Func<JsonObject> Body)[] ActionBodies =
    [
        ("consult", () => new JsonObject { ["intent"] = "refuse", ["proposedConditions"] = new JsonArray("Use only in proceeding PNC-2026-42"), ["reasons"] = "Essential interests." }),
        ("refuse", () => new JsonObject { ["grounds"] = new JsonArray("essential-interests"), ["reasons"] = "National security." }),
        ("complete", () => new JsonObject { ["outcome"] = "partially-executed", ["summary"] = "Witness heard on 3 December.", ["unexecutedReasons"] = "The logs were deleted." }),
    ];

    [Fact]
    public async Task Hostile_action_bodies_never_fail_the_server_and_a_rejected_action_changes_nothing()
    {
        await using var api = Factory();
        var exchange = new Exchange(api);
        var deu = exchange.Requested;

        async Task<string> FreshAsync()
        {
            await exchange.SubmittedAsync();
            await exchange.ActAsync(deu, "acknowledge");
            await exchange.ActAsync(deu, "start-execution");
            return await (await deu.GetAsync(exchange.Url())).Content.ReadAsStringAsync();
        }

        var last = await FreshAsync();
        var accepted = 0;
        var gen = Gen.Int[0, ActionBodies.Length - 1].SelectMany(a => HostileOf(ActionBodies[a].Body).Select(h => (Action: ActionBodies[a].Action, Hostile: h)));

        await gen.SampleAsync(async sample =>
        {
            var (status, _) = await SendAsync(deu, HttpMethod.Post, exchange.Url(sample.Action), sample.Hostile, "application/json", 200, 400, 409, 413, 422);
            var now = await (await deu.GetAsync(exchange.Url())).Content.ReadAsStringAsync();
            if (status == 200)
            {
                accepted++;
                var (was, @is) = (JsonNode.Parse(last)!["version"]!.GetValue<long>(), JsonNode.Parse(now)!["version"]!.GetValue<long>());
                if (@is != was + 1) throw new Exception($"accepted {sample.Action} moved version {was} → {@is}");
                last = await FreshAsync();
            }
            else if (now != last)
                throw new Exception($"rejected {sample.Action} ({status}) changed the request: {now}");
        }, iter: Iterations, threads: 1, print: s => $"{s.Action}: {s.Hostile}");

        Assert.True(accepted > 0, "no hostile action body was accepted: the property never reached the transition");
    }
    // ---- the two PATCH bodies the properties above found to be 500s, pinned down one by one ----------------------

    private static async Task<(int Status, string Text)> RawAsync(HttpClient client, HttpMethod method, string url, string json, string mediaType)
    {
        var response = await client.SendAsync(new HttpRequestMessage(method, url) { Content = new ByteArrayContent(U(json)) { Headers = { ContentType = new MediaTypeHeaderValue(mediaType) } } });
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_lone_surrogate_is_a_400_in_a_patch_as_in_a_create()
    {
        await using var api = Factory();
        var fra = api.As(DemoKeys.Fra);
        var before = (await fra.AllOutgoingAsync()).Count;
        var (created, createdText) = await RawAsync(fra, HttpMethod.Post, "/api/v1/requests",
            """{"kind":"mutual-legal-assistance","requestedState":"DEU","facts":"abc\udfff"}""", "application/json");
        Assert.True(created == 400, $"create: {created} {createdText}");

        var id = await fra.CreateDraftAsync(Bodies.CompleteMla());
        var draft = await (await fra.GetAsync($"/api/v1/requests/{id}")).Content.ReadAsStringAsync();
        foreach (var patch in new[] { """{"facts":"abc\udfff"}""", """{"kind":"\udc00\ud800"}""", """{"proceeding":{"subject":"\ud800"}}""" })
        {
            var (status, text) = await RawAsync(fra, HttpMethod.Patch, $"/api/v1/requests/{id}", patch, "application/merge-patch+json");
            Assert.True(status == 400, $"PATCH {patch}: expected 400, got {status} {text}");
            Assert.Equal(draft, await (await fra.GetAsync($"/api/v1/requests/{id}")).Content.ReadAsStringAsync());
        }
        Assert.Equal(before + 1, (await fra.AllOutgoingAsync()).Count);
    }

    [Fact]
    public async Task A_duplicated_key_in_a_patch_is_never_a_500()
    {
        await using var api = Factory();
        var fra = api.As(DemoKeys.Fra);
        var (created, createdText) = await RawAsync(fra, HttpMethod.Post, "/api/v1/requests",
            """{"kind":"mutual-legal-assistance","requestedState":"DEU","requestedState":"BRA"}""", "application/json");
        Assert.True(created is 201 or 400, $"create: {created} {createdText}");

        var id = await fra.CreateDraftAsync(Bodies.CompleteMla());
        var draft = await (await fra.GetAsync($"/api/v1/requests/{id}")).Content.ReadAsStringAsync();
        foreach (var patch in new[] { """{"facts":"a","facts":"b"}""", """{"kind":"mutual-legal-assistance","kind":"expedited-preservation"}""",
                     """{"proceeding":{"subject":"a","subject":null}}""" })
        {
            var (status, text) = await RawAsync(fra, HttpMethod.Patch, $"/api/v1/requests/{id}", patch, "application/merge-patch+json");
            Assert.True(status is 200 or 400, $"PATCH {patch}: expected 200 or 400, got {status} {text}");
            var now = await (await fra.GetAsync($"/api/v1/requests/{id}")).Content.ReadAsStringAsync();
            if (status == 400) Assert.Equal(draft, now);
            draft = now;
        }
    }
}
