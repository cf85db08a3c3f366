using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AssistanceApi.Features;
using AssistanceApi.Tests.Support;
using static AssistanceApi.Tests.Support.DocumentCalls;

namespace AssistanceApi.Tests.Features.Documents.Add;

/// <summary>
/// What an upload says about itself, from its headers and query: the file name as RFC 9110 and RFC 8187 spell it, and
/// each fault a 400 naming the header or parameter, with the code a JSON body gets for the same mistake, that keeps
/// nothing. The filesystem store only: none of this depends on the store. Each test works on drafts of its own.
/// </summary>
public sealed class UploadDescriptionTests(DocumentHosts hosts) : IClassFixture<DocumentHosts>
{
    private readonly DocumentHost _api = hosts[DocumentHosts.FileSystem];

    private static HttpRequestMessage Named(Case c, string disposition)
    {
        var message = UploadOf(DocumentsUrl(c.Id, "?purpose=supporting"), new ByteArrayContent(UniquePdf()), "application/pdf", null);
        message.Content!.Headers.TryAddWithoutValidation("Content-Disposition", disposition);
        return message;
    }

    private async Task<string> StoredNameAsync(string disposition)
    {
        var c = await Case.AtAsync(_api, "draft");
        return (await (await c.Fra.SendAsync(Named(c, disposition))).ExpectAsync(HttpStatusCode.Created))["name"].Str();
    }

    /// <summary>Sends the upload to a new draft, expects a 400 with one error and that nothing was kept; returns the error.</summary>
    private async Task<JsonNode> RefusedAsync(Func<Case, HttpRequestMessage> upload)
    {
        var c = await Case.AtAsync(_api, "draft");
        var (before, stored, custody) = (await c.SnapshotAsync(), await _api.StoredAsync(), await _api.CustodyEntriesAsync());
        var problem = await (await c.Fra.SendAsync(upload(c))).ExpectProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        Assert.Equal(0, await _api.DocumentRowsAsync(c.Id));
        Assert.Equal(stored.Order(), (await _api.StoredAsync()).Order());
        Assert.Equal(custody, await _api.CustodyEntriesAsync());
        Assert.True(_api.StagingEmpty);
        await c.AssertUnchangedAsync(before);
        return Assert.Single(problem["errors"]!.AsArray())!;
    }

    [Fact]
    public async Task File_names_lose_their_path_and_what_is_past_255_bytes()
    {
        Assert.Equal("passwd.pdf", await StoredNameAsync("attachment; filename=\"../../etc/passwd.pdf\""));
        Assert.Equal("evil.pdf", await StoredNameAsync("attachment; filename=\"C:\\\\temp\\\\evil.pdf\""));
        var longName = new string('é', 200) + ".pdf";
        var kept = await StoredNameAsync($"attachment; filename*=UTF-8''{Uri.EscapeDataString(longName)}");
        Assert.True(Encoding.UTF8.GetByteCount(kept) <= 255, kept);
        Assert.StartsWith("éé", kept);
    }

    [Theory]
    [InlineData("attachment; filename=\"a\\\"b.txt\"", "a\"b.txt")]
    [InlineData("attachment; filename=\"\\\"quoted\\\".txt\"", "\"quoted\".txt")]
    [InlineData("attachment; filename=\"a\\\\b.txt\"", "b.txt")]
    public async Task A_quoted_pair_is_unescaped_before_the_path_is_dropped(string disposition, string stored) =>
        Assert.Equal(stored, await StoredNameAsync(disposition));

    [Theory]
    // UTF-7 is a charset .NET knows by name and refuses to decode: it was a 500.
    [InlineData("attachment; filename*=utf-7''a.csv; filename=\"plain.pdf\"")]
    [InlineData("attachment; filename*=csUnicode11UTF7''a.csv; filename=\"plain.pdf\"")]
    [InlineData("attachment; filename*=x-nope''abc; filename=\"plain.pdf\"")]
    // Only UTF-8 and ISO-8859-1 are read: UTF-16 read %00a as a CJK character, NUL bytes and all.
    [InlineData("attachment; filename*=UTF-16''%00a; filename=\"plain.pdf\"")]
    [InlineData("attachment; filename*=utf-16be''%00a%00b; filename=\"plain.pdf\"")]
    [InlineData("attachment; filename*=UTF-32''a%00%00%00; filename=\"plain.pdf\"")]
    [InlineData("attachment; filename*=US-ASCII''a.csv; filename=\"plain.pdf\"")]
    // An empty filename* names nothing: it was refused as "required" with filename sent.
    [InlineData("attachment; filename=\"plain.pdf\"; filename*=UTF-8''")]
    [InlineData("attachment; filename=\"plain.pdf\"; filename*=UTF-8'en'")]
    public async Task A_filename_star_in_a_charset_this_server_does_not_read_gives_way_to_filename(string disposition) =>
        Assert.Equal("plain.pdf", await StoredNameAsync(disposition));

    [Theory]
    [InlineData("%FF%FE")]
    [InlineData("%ED%A0%80")]
    [InlineData("a%C3.pdf")]
    [InlineData("%C0%AFetc.pdf")]
    // A % that starts no escape was kept as sent, and filename not looked at.
    [InlineData("%zz")]
    [InlineData("%")]
    [InlineData("%4")]
    [InlineData("a%4.pdf")]
    [InlineData("a%+1.pdf")]
    public async Task A_filename_star_that_is_not_utf_8_text_is_400_and_keeps_nothing(string encoded)
    {
        var error = await RefusedAsync(c => Named(c, $"attachment; filename*=UTF-8''{encoded}; filename=\"plain.pdf\""));
        Assert.Equal("Content-Disposition", error["name"].Str());
        Assert.Equal(FreeText.Code, error["code"].Str());
    }

    [Theory]
    [InlineData("attachment; filename*=utf-8''caf%C3%A9.pdf", "café.pdf")]
    [InlineData("attachment; filename*=iso-8859-1''caf%E9.pdf", "café.pdf")]
    public async Task A_filename_star_in_utf_8_or_iso_8859_1_is_read_whatever_the_case_of_its_charset(string disposition, string stored) =>
        Assert.Equal(stored, await StoredNameAsync(disposition));

    [Theory]
    [InlineData("attachment; filename*=UTF-8''a%E2%80%AEb.pdf")]
    [InlineData("attachment; filename*=UTF-8''a%00b.pdf")]
    [InlineData("attachment; filename*=UTF-8''a%01b.pdf")]
    [InlineData("attachment; filename*=UTF-8''a%0Ab.pdf")]
    [InlineData("attachment; filename*=UTF-8''a%C2%85b.pdf")]
    [InlineData("attachment; filename=\"a\tb.pdf\"")]
    public async Task A_file_name_with_a_control_character_or_a_bidi_override_is_400_invalid_characters_as_in_a_body(string disposition)
    {
        var error = await RefusedAsync(c => Named(c, disposition));
        Assert.Equal("Content-Disposition", error["name"].Str());
        Assert.Equal(FreeText.Code, error["code"].Str());
        Assert.Equal(FreeText.SingleLineReason, error["reason"].Str());
    }

    [Fact]
    public async Task An_unknown_language_is_refused_as_a_body_refuses_it()
    {
        var error = await RefusedAsync(c => Upload(c.Id, UniquePdf(), language: "xx"));
        var fra = _api.As(DemoKeys.Fra);
        var inBody = await (await fra.PostJsonAsync("/api/v1/requests",
                new JsonObject { ["kind"] = "mutual-legal-assistance", ["requestedState"] = "DEU", ["language"] = "xx" }))
            .ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("language", error["name"].Str());
        Assert.Equal("invalid-language-code", error["code"].Str());
        Assert.Equal(inBody["errors"]![0]!.ToJsonString(), error.ToJsonString());
    }

    [Theory]
    [InlineData("Supporting")]
    [InlineData("banana")]
    public async Task A_purpose_not_spelt_exactly_is_unknown_enum_value_with_the_purposes(string purpose)
    {
        var error = await RefusedAsync(c => Upload(c.Id, UniquePdf(), purpose: purpose));
        Assert.Equal("purpose", error["name"].Str());
        Assert.Equal("unknown-enum-value", error["code"].Str());
        Assert.Equal($"purpose must be one of request-letter, translation, supporting, evidence, execution-record; \"{purpose}\" arrived.", error["reason"].Str());
    }
}
