using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Http;

/// <summary>
/// Input an outside probe found taken too loosely, each refused now with a problem that names it, and nothing written:
/// a charset the reader does not know (was a 500), names and values in another case, text that is not JSON on any
/// write, an empty patch, dates of year 1, a second Idempotency-Key, an unquoted entity tag, a path no route takes.
/// </summary>
public sealed class StrictInputTests(SharedApi api) : IClassFixture<SharedApi>
{
    private const string Requests = "/api/v1/requests";
    private const string Draft = """{"kind":"mutual-legal-assistance","requestedState":"DEU"}""";

    private static HttpRequestMessage Raw(HttpMethod method, string url, string body, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return new HttpRequestMessage(method, url) { Content = content };
    }

    private async Task<int> CountAsync(HttpClient client) => (await client.ListIdsAsync()).Count;

    [Theory]
    [InlineData("application/json; charset=foo")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("application/json; charset=cp1252")]
    [InlineData("application/json; charset=")]
    [InlineData("application/json; charset=\"latin1\"")]
    [InlineData("application/json; charset=utf-8; charset=utf-16")]
    // Unquoted, this parameter does not parse, and the framework would read no body from it: "kind is required" would mislead.
    [InlineData("application/json; profile=https://example.org/p")]
    public async Task A_body_in_a_charset_other_than_utf8_is_a_415_not_a_500(string contentType)
    {
        var fra = api.As(DemoKeys.Fra);
        var before = await CountAsync(fra);

        await (await fra.SendAsync(Raw(HttpMethod.Post, Requests, Draft, contentType))).ExpectProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        await (await fra.SendAsync(Raw(HttpMethod.Post, $"{Requests}/validation", Draft, contentType))).ExpectProblemAsync(HttpStatusCode.UnsupportedMediaType);

        Assert.Equal(before, await CountAsync(fra));
    }

    [Theory]
    [InlineData("application/json; charset=\"utf-8\"")]
    [InlineData("application/json; charset=UTF-8")]
    [InlineData("application/json;charset=utf8")]
    [InlineData("application/json; charset=us-ascii")]
    [InlineData("application/json;")]
    [InlineData("application/json; profile=\"https://example.org/p\"")]
    public async Task Utf8_in_any_of_its_spellings_or_no_charset_is_read(string contentType) =>
        await (await api.As(DemoKeys.Fra).SendAsync(Raw(HttpMethod.Post, Requests, Draft, contentType))).ExpectAsync(HttpStatusCode.Created);

    public static TheoryData<string, string, string> LooseBodies() => new()
    {
        // Names are case-sensitive: another case is a field the object does not have, named as it arrived.
        { """{"kind":"mutual-legal-assistance","requestedState":"DEU","FACTS":"x"}""", "FACTS", "unknown-field" },
        { """{"Kind":"mutual-legal-assistance","requestedState":"DEU"}""", "Kind", "unknown-field" },
        { """{"kind":"mutual-legal-assistance","requestedState":"DEU","requestingAuthority":{"NAME":"n"}}""", "requestingAuthority.NAME", "unknown-field" },
        // Values are the wire's kebab-case only: not the C# name, another case, or spaces around it.
        { """{"kind":"mutual-legal-assistance","requestedState":"DEU","legalBasis":" reciprocity "}""", "legalBasis", "unknown-enum-value" },
        { """{"kind":"mutual-legal-assistance","requestedState":"DEU","legalBasis":"Reciprocity"}""", "legalBasis", "unknown-enum-value" },
        { """{"kind":"mutual-legal-assistance","requestedState":"DEU","proceeding":{"nature":"JudicialProceeding"}}""", "proceeding.nature", "unknown-enum-value" },
        { """{"kind":"mutual-legal-assistance","requestedState":"DEU","persons":[{"name":"A","role":"WITNESS"}]}""", "persons[0].role", "unknown-enum-value" },
        { """{"kind":"MutualLegalAssistance","requestedState":"DEU"}""", "kind", "unknown-enum-value" },
        // Text that is not JSON is invalid-json, not a value of the wrong type.
        { """{"kind":""", "body", "invalid-json" },
        { """{"kind":"mutual-legal-assistance","requestedState":"DEU","kind":"mutual-legal-assistance"}""", "body", "invalid-json" },
        { """{"kind":"mutual-legal-assistance","requestedState":"DEU","facts":"\ud800"}""", "body", "invalid-json" },
        { "null", "body", "invalid-json" },
        { "  ", "body", "invalid-json" },
        { new string('[', 40) + new string(']', 40), "body", "invalid-json" },
        { """{"a":""" + new string('[', 40) + new string(']', 40) + "}", "body", "invalid-json" },
        // A data period of year 1 or 9999 is no period.
        { """{"kind":"mutual-legal-assistance","requestedState":"DEU","electronicData":{"from":"0001-01-01"}}""", "electronicData.from", "invalid-date" },
        { """{"kind":"mutual-legal-assistance","requestedState":"DEU","electronicData":{"to":"9999-12-31"}}""", "electronicData.to", "invalid-date" },
    };

    [Theory]
    [MemberData(nameof(LooseBodies))]
    public async Task A_loosely_written_body_is_a_400_naming_the_field_as_sent(string body, string name, string code)
    {
        var fra = api.As(DemoKeys.Fra);
        var before = await CountAsync(fra);

        var problem = await (await fra.PostRawAsync(Requests, body)).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(name, problem.Names());
        Assert.Contains(code, problem.Codes());
        Assert.Equal(before, await CountAsync(fra));
    }

    [Fact]
    public async Task Invalid_utf8_in_a_body_is_invalid_json()
    {
        var fra = api.As(DemoKeys.Fra);
        var bytes = Encoding.UTF8.GetBytes("""{"kind":"mutual-legal-assistance","requestedState":"DEU","facts":"a?b"}""");
        bytes[Array.IndexOf(bytes, (byte)'?')] = 0xFF;
        var content = new ByteArrayContent(bytes);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");

        var problem = await (await fra.PostAsync(Requests, content)).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["invalid-json"], problem.Codes());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("null")]
    [InlineData("{\"kind\":")]
    public async Task An_action_that_reads_no_field_still_refuses_a_body_that_is_not_a_json_object(string body)
    {
        var fra = api.As(DemoKeys.Fra);
        var id = await fra.CreateDraftAsync(Bodies.CompleteMla());

        var problem = await (await fra.PostRawAsync($"{Requests}/{id}/submit", body)).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["invalid-json"], problem.Codes());
        var stored = await (await fra.GetAsync($"{Requests}/{id}")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("draft", stored["status"].Str());
        Assert.Equal(1, stored["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_empty_merge_patch_changes_nothing_and_adds_no_version_or_audit_event()
    {
        var fra = api.As(DemoKeys.Fra);
        var id = await fra.CreateDraftAsync(Bodies.MinimalDraft());

        var response = await fra.SendAsync(Raw(HttpMethod.Patch, $"{Requests}/{id}", "{}", "application/merge-patch+json"));

        var answered = await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("\"1\"", response.ETag());
        Assert.Equal(id, answered["id"].Str());
        Assert.Equal("\"1\"", (await fra.GetAsync($"{Requests}/{id}")).ETag());
        var history = await (await fra.GetAsync($"{Requests}/{id}/history")).ExpectAsync(HttpStatusCode.OK);
        Assert.Single(history["events"]!.AsArray());
    }

    [Fact]
    public async Task An_empty_merge_patch_is_refused_where_a_change_would_be()
    {
        var fra = api.As(DemoKeys.Fra);
        var id = await fra.SubmitNewAsync(Bodies.CompleteMla());

        var response = await fra.SendAsync(Raw(HttpMethod.Patch, $"{Requests}/{id}", "{}", "application/merge-patch+json"));

        await response.ExpectProblemAsync(HttpStatusCode.Conflict);
        var stale = await fra.PatchJsonAsync($"{Requests}/{await fra.CreateDraftAsync(Bodies.MinimalDraft())}", new JsonObject(), "\"7\"");
        await stale.ExpectProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task A_patch_without_a_body_is_a_400_and_adds_no_version()
    {
        var fra = api.As(DemoKeys.Fra);
        var id = await fra.CreateDraftAsync(Bodies.MinimalDraft());

        var response = await fra.SendAsync(new HttpRequestMessage(HttpMethod.Patch, $"{Requests}/{id}"));

        Assert.Equal(["invalid-json"], (await response.ExpectProblemAsync(HttpStatusCode.BadRequest)).Codes());
        Assert.Equal("\"1\"", (await fra.GetAsync($"{Requests}/{id}")).ETag());
    }

    [Theory]
    [InlineData("{\"kind\":\"expedited-preservation\"}", "kind")]
    [InlineData("{\"a\":1,\"a\":2}", "a")]
    public async Task A_call_that_takes_no_body_refuses_fields_rather_than_dropping_them(string body, string name)
    {
        var fra = api.As(DemoKeys.Fra);
        var id = await fra.CreateDraftAsync(Bodies.CompleteMla());

        var problem = await (await fra.PostRawAsync($"{Requests}/{id}/submit", body)).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal([name], problem.Names());
        Assert.Equal(["unknown-field"], problem.Codes());
        Assert.Equal("draft", (await (await fra.GetAsync($"{Requests}/{id}")).ExpectAsync(HttpStatusCode.OK))["status"].Str());
        await (await fra.PostRawAsync($"{Requests}/{id}/submit", "{}")).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_body_that_starts_with_a_utf8_byte_order_mark_is_read()
    {
        var content = new ByteArrayContent([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Draft)]);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");

        await (await api.As(DemoKeys.Fra).PostAsync(Requests, content)).ExpectAsync(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("POST", "/validation", HttpStatusCode.OK)]
    [InlineData("PATCH", "", HttpStatusCode.BadRequest)]
    public async Task A_body_that_holds_only_a_byte_order_mark_is_no_body(string method, string action, HttpStatusCode status)
    {
        var fra = api.As(DemoKeys.Fra);
        var id = await fra.CreateDraftAsync(Bodies.MinimalDraft());
        var message = new HttpRequestMessage(new HttpMethod(method), $"{Requests}/{id}{action}") { Content = new ByteArrayContent([0xEF, 0xBB, 0xBF]) };
        message.Content.Headers.TryAddWithoutValidation("Content-Type", method == "PATCH" ? "application/merge-patch+json" : "application/json");

        var response = await fra.SendAsync(message);

        // A POST's is read as {}, as a missing body is; a PATCH with nothing in it stays a client's mistake.
        if (status == HttpStatusCode.OK) await response.ExpectAsync(status);
        else Assert.Equal(["invalid-json"], (await response.ExpectProblemAsync(status)).Codes());
    }

    [Theory]
    [InlineData("POST", "/api/v1/nope", "[1]", "application/json", HttpStatusCode.NotFound)]
    [InlineData("POST", "/api/v1/nope", "x", "application/x-www-form-urlencoded", HttpStatusCode.NotFound)]
    [InlineData("POST", "/api/v1/nope?x=1", "{}", "application/json", HttpStatusCode.NotFound)]
    [InlineData("PUT", "/api/v1/requests", "x", "text/plain", HttpStatusCode.MethodNotAllowed)]
    public async Task A_path_or_method_no_endpoint_takes_is_its_404_or_405_whatever_was_sent(string method, string url, string body, string type, HttpStatusCode status) =>
        await (await api.As(DemoKeys.Fra).SendAsync(Raw(new HttpMethod(method), url, body, type))).ExpectProblemAsync(status);

    [Theory]
    [InlineData("POST", "/validation", HttpStatusCode.OK)]
    [InlineData("GET", "", HttpStatusCode.OK)]
    [InlineData("DELETE", "", HttpStatusCode.NoContent)]
    public async Task A_chunked_body_that_turns_out_empty_counts_as_none(string method, string action, HttpStatusCode status)
    {
        var fra = api.As(DemoKeys.Fra);
        var id = await fra.CreateDraftAsync(Bodies.MinimalDraft());
        var message = Raw(new HttpMethod(method), $"{Requests}/{id}{action}", "", "application/json");
        message.Headers.TransferEncodingChunked = true;
        message.Content!.Headers.ContentLength = null;

        var response = await fra.SendAsync(message);

        Assert.True(response.StatusCode == status, $"{method}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Theory]
    [InlineData("DELETE")]
    [InlineData("GET")]
    public async Task A_body_sent_with_a_get_or_delete_is_refused_and_nothing_is_done(string method)
    {
        var fra = api.As(DemoKeys.Fra);
        var id = await fra.CreateDraftAsync(Bodies.MinimalDraft());

        var problem = await (await fra.SendAsync(Raw(new HttpMethod(method), $"{Requests}/{id}", "{\"limit\":1}", "application/json")))
            .ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["body-not-accepted"], problem.Codes());
        await (await fra.GetAsync($"{Requests}/{id}")).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Two_idempotency_keys_are_a_400_not_one_key_joined_by_a_comma()
    {
        var fra = api.As(DemoKeys.Fra);
        var before = await CountAsync(fra);
        var message = Raw(HttpMethod.Post, Requests, Draft, "application/json");
        message.Headers.Add("Idempotency-Key", ["k1", "k2"]);

        var problem = await (await fra.SendAsync(message)).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["invalid-idempotency-key"], problem.Codes());
        Assert.Equal(before, await CountAsync(fra));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("\"1")]
    [InlineData("abc")]
    // Equal as numbers, not as tags: a strong comparison is character by character.
    [InlineData("\"01\"")]
    [InlineData("\"0001\"")]
    // Sent empty (the server sees "" once the blanks are trimmed; HttpClient drops a value that is empty already): it
    // names no tag, and was read as no precondition at all.
    [InlineData("  ")]
    public async Task An_if_match_that_is_not_an_entity_tag_this_api_issued_is_a_400(string ifMatch)
    {
        var fra = api.As(DemoKeys.Fra);
        var id = await fra.CreateDraftAsync(Bodies.MinimalDraft());

        var response = await fra.PatchJsonAsync($"{Requests}/{id}", new JsonObject { ["facts"] = "changed" }, ifMatch);

        Assert.Equal(["invalid-if-match"], (await response.ExpectProblemAsync(HttpStatusCode.BadRequest)).Codes());
        Assert.Equal("\"1\"", (await fra.GetAsync($"{Requests}/{id}")).ETag());
    }

    [Theory]
    [InlineData("GET", "/api/v1/nope", HttpStatusCode.NotFound, "not-found")]
    [InlineData("POST", "/api/v1/requests/0198a0c0-0000-7000-8000-000000000000/fly", HttpStatusCode.NotFound, "not-found")]
    [InlineData("PUT", "/api/v1/requests", HttpStatusCode.MethodNotAllowed, "method-not-allowed")]
    [InlineData("DELETE", "/api/v1/states/FRA", HttpStatusCode.MethodNotAllowed, "method-not-allowed")]
    public async Task A_path_or_method_no_endpoint_takes_is_answered_with_a_problem(string method, string url, HttpStatusCode status, string type)
    {
        var response = await api.As(DemoKeys.Fra).SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

        await response.ExpectProblemAsync(status, type);
        if (status == HttpStatusCode.MethodNotAllowed) Assert.NotEmpty(response.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("/api/v1/states?cursor=LTU")]
    [InlineData("/api/v1/states?cursor=ZnJh")]
    [InlineData("/api/v1/provisions?cursor=LTU")]
    [InlineData("/api/v1/provisions?cursor=eyJpZCI6MX0")]
    public async Task A_cursor_that_is_base64_but_no_page_end_of_that_list_is_refused(string url)
    {
        var problem = await (await api.As(DemoKeys.Fra).GetAsync(url)).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["invalid-cursor"], problem.Codes());
    }

    [Theory]
    [InlineData("/api/v1/states?limit=2")]
    [InlineData("/api/v1/provisions?limit=2")]
    public async Task The_cursors_those_lists_hand_out_still_page(string url)
    {
        var fra = api.As(DemoKeys.Fra);
        var first = await (await fra.GetAsync(url)).ExpectAsync(HttpStatusCode.OK);

        var second = await (await fra.GetAsync($"{url}&cursor={first["nextCursor"].Str()}")).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(2, second["items"]!.AsArray().Count);
        Assert.NotEqual(first["items"]![0]!.ToJsonString(), second["items"]![0]!.ToJsonString());
    }

    [Fact]
    public async Task A_code_echoed_in_a_404_is_quoted_and_cut()
    {
        var code = "\u202E" + new string('X', 500);

        var problem = await (await api.As(DemoKeys.Fra).GetAsync("/api/v1/states/" + Uri.EscapeDataString(code))).ExpectProblemAsync(HttpStatusCode.NotFound);

        var detail = problem["detail"].Str();
        Assert.DoesNotContain('\u202E', detail);
        Assert.Contains("\\u202E", detail);
        Assert.True(detail.Length < 200, detail);
    }
}
