using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AssistanceApi.DocumentStorage;
using AssistanceApi.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static AssistanceApi.Tests.Support.DocumentCalls;

namespace AssistanceApi.Tests.Features.Documents;

/// <summary>
/// Documents of a request, through HTTP, on each content store: the same tests on the filesystem store and on the S3
/// store (s3rver). Each test works on requests of its own.
/// </summary>
public sealed class DocumentTests(DocumentHosts hosts) : IClassFixture<DocumentHosts>
{
    private async Task<(DocumentHost Api, Case Case)> AtAsync(string store, string path = "draft")
    {
        var api = hosts[store];
        return (api, await Case.AtAsync(api, path));
    }

    private static async Task<JsonObject> UploadedAsync(HttpClient client, HttpRequestMessage upload) =>
        await (await client.SendAsync(upload)).ExpectAsync(HttpStatusCode.Created);

    [Theory, OnFileSystem, OnS3]
    public async Task An_uploaded_letter_is_listed_described_and_downloaded_as_sent(string store)
    {
        var (api, c) = await AtAsync(store);
        var content = UniquePdf();
        var response = await c.Fra.SendAsync(Upload(c.Id, content, fileName: "Lettre de demande.pdf"));
        var created = await response.ExpectAsync(HttpStatusCode.Created);

        Assert.Equal(DigestHeader(content), response.Headers.GetValues("Repr-Digest").Single());
        Assert.Equal("Lettre de demande.pdf", created["name"].Str());
        Assert.Equal("application/pdf", created["mediaType"].Str());
        Assert.Equal(content.Length, created["size"]!.GetValue<long>());
        Assert.Equal(Sha256(content), created["sha256"].Str());
        Assert.Equal("request-letter", created["purpose"].Str());
        Assert.Equal("en", created["language"].Str());
        Assert.Equal("FRA", created["addedBy"]!["state"].Str());
        Assert.Equal("central-authority", created["addedBy"]!["role"].Str());
        Assert.Equal(api.Clock.GetUtcNow(), created["addedAt"]!.GetValue<DateTimeOffset>());
        var id = created["id"].Str();

        var listed = await (await c.Fra.GetAsync(DocumentsUrl(c.Id))).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal([id], listed["items"]!.AsArray().Select(d => d!["id"].Str()));
        var described = await (await c.Fra.GetAsync(DocumentsUrl(c.Id, $"/{id}"))).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(Sha256(content), described["sha256"].Str());

        var download = await c.Fra.GetAsync(DocumentsUrl(c.Id, $"/{id}/content"));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(content.Length, download.Content.Headers.ContentLength);
        Assert.Equal($"\"{Sha256(content)}\"", download.Headers.ETag!.ToString());
        Assert.Equal(DigestHeader(content), download.Headers.GetValues("Repr-Digest").Single());
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("Lettre de demande.pdf", download.Content.Headers.ContentDisposition.FileNameStar);
    }

    [Theory, OnFileSystem, OnS3]
    public async Task Identical_content_is_stored_once(string store)
    {
        var (api, c) = await AtAsync(store);
        var content = UniquePdf();
        await UploadedAsync(c.Fra, Upload(c.Id, content));
        await UploadedAsync(c.Fra, Upload(c.Id, content, purpose: "supporting", language: null));

        Assert.Equal(2, await api.DocumentRowsAsync(c.Id));
        Assert.Single(await api.StoredAsync(), Sha256(content));
    }

    [Theory, OnFileSystem, OnS3]
    public async Task An_upload_retried_with_its_idempotency_key_is_answered_again_and_another_body_under_it_is_refused(string store)
    {
        var (api, c) = await AtAsync(store);
        var content = UniquePdf();
        HttpRequestMessage Keyed(byte[] body)
        {
            var upload = Upload(c.Id, body);
            upload.Headers.Add("Idempotency-Key", "upload-" + c.Id);
            return upload;
        }

        var first = await UploadedAsync(c.Fra, Keyed(content));
        var again = await UploadedAsync(c.Fra, Keyed(content));
        var other = await (await c.Fra.SendAsync(Keyed(UniquePdf()))).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(first.ToJsonString(), again.ToJsonString());
        Assert.Equal("idempotency-key-reused", other["errors"]![0]!["code"].Str());
        Assert.Equal(1, await api.DocumentRowsAsync(c.Id));
    }

    [Theory, OnFileSystem, OnS3]
    public async Task A_digest_that_does_not_match_what_arrived_is_422_and_nothing_is_kept(string store)
    {
        var (api, c) = await AtAsync(store);
        var content = UniquePdf();
        var problem = await (await c.Fra.SendAsync(Upload(c.Id, content, reprDigest: DigestHeader(UniquePdf()))))
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "digest-mismatch");
        Assert.Equal(["Repr-Digest"], problem.Names());
        Assert.Equal(0, await api.DocumentRowsAsync(c.Id));
        Assert.DoesNotContain(Sha256(content), await api.StoredAsync());
        Assert.True(api.StagingEmpty);

        // The right digest is accepted.
        await UploadedAsync(c.Fra, Upload(c.Id, content, reprDigest: DigestHeader(content)));
    }

    [Theory, OnFileSystem, OnS3]
    public async Task A_sha_256_digest_sent_twice_counts_by_its_last_value_as_in_any_rfc_8941_dictionary(string store)
    {
        var (api, c) = await AtAsync(store);
        var content = UniquePdf();
        var (good, bad) = (DigestHeader(content), DigestHeader(UniquePdf()));
        var twoLines = Upload(c.Id, content);
        twoLines.Headers.TryAddWithoutValidation("Repr-Digest", good);
        twoLines.Headers.TryAddWithoutValidation("Repr-Digest", bad);
        foreach (var upload in new[] { Upload(c.Id, content, reprDigest: $"{good}, {bad}"), twoLines })
            await (await c.Fra.SendAsync(upload)).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "digest-mismatch");
        Assert.Equal(0, await api.DocumentRowsAsync(c.Id));
        Assert.DoesNotContain(Sha256(content), await api.StoredAsync());
        Assert.True(api.StagingEmpty);

        await UploadedAsync(c.Fra, Upload(c.Id, content, reprDigest: $"{bad}, {good}"));
    }

    [Theory, OnFileSystem, OnS3]
    public async Task A_declared_type_the_bytes_contradict_is_415_and_nothing_is_kept(string store)
    {
        var (api, c) = await AtAsync(store);
        await (await c.Fra.SendAsync(Upload(c.Id, Png, mediaType: "application/pdf"))).ExpectProblemAsync(HttpStatusCode.UnsupportedMediaType, "content-not-media-type");
        await (await c.Fra.SendAsync(Upload(c.Id, UniquePdf(), mediaType: "text/plain"))).ExpectProblemAsync(HttpStatusCode.UnsupportedMediaType, "content-not-media-type");
        await (await c.Fra.SendAsync(Upload(c.Id, "{\"a\":1}"u8.ToArray(), mediaType: "application/xml"))).ExpectProblemAsync(HttpStatusCode.UnsupportedMediaType, "content-not-media-type");
        Assert.Equal(0, await api.DocumentRowsAsync(c.Id));
        Assert.True(api.StagingEmpty);

        // What the bytes are is accepted.
        await UploadedAsync(c.Fra, Upload(c.Id, Png, purpose: "supporting", language: null, mediaType: "image/png", fileName: "map.png"));
        await UploadedAsync(c.Fra, Upload(c.Id, "{\"a\":1}"u8.ToArray(), purpose: "supporting", language: null, mediaType: "application/json", fileName: "a.json"));
        await UploadedAsync(c.Fra, Upload(c.Id, "Name,Number\nA,1\n"u8.ToArray(), purpose: "supporting", language: null, mediaType: "text/csv; charset=utf-8", fileName: "a.csv"));
    }

    [Theory, OnFileSystem, OnS3]
    public async Task A_type_off_the_allow_list_is_415_and_octet_stream_is_for_evidence_only(string store)
    {
        var (api, c) = await AtAsync(store, "in-execution");
        await (await c.Fra.SendAsync(Upload(c.Id, UniquePdf(), mediaType: "application/x-msdownload"))).ExpectProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        await (await c.Fra.SendAsync(Upload(c.Id, UniquePdf(), purpose: "supporting", language: null, mediaType: "application/octet-stream")))
            .ExpectProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        Assert.Equal(0, await api.DocumentRowsAsync(c.Id));

        var image = await UploadedAsync(c.Deu, Upload(c.Id, [0x00, 0x01, 0x02, .. Guid.NewGuid().ToByteArray()], purpose: "evidence", language: null,
            mediaType: "application/octet-stream", fileName: "disk.img"));
        Assert.Equal("evidence", image["purpose"].Str());
    }

    [Theory, OnFileSystem, OnS3]
    public async Task A_document_over_the_limit_is_413_and_nothing_is_kept(string store)
    {
        var (api, c) = await AtAsync(store);
        var atLimit = UniquePdf();
        atLimit = [.. atLimit, .. Enumerable.Repeat((byte)'x', (int)DocumentHosts.MaxBytes - atLimit.Length)];
        await UploadedAsync(c.Fra, Upload(c.Id, atLimit));

        var over = atLimit.Append((byte)'x').ToArray();
        await (await c.Fra.SendAsync(Upload(c.Id, over))).ExpectProblemAsync(HttpStatusCode.RequestEntityTooLarge, "document-too-large");
        // Sent without a length (chunked), the read stops at the limit all the same.
        var chunked = new StreamContent(new MemoryStream(over)) { Headers = { ContentLength = null } };
        var url = DocumentsUrl(c.Id, "?purpose=supporting");
        await (await c.Fra.SendAsync(UploadOf(url, chunked, "application/pdf", "big.pdf"))).ExpectProblemAsync(HttpStatusCode.RequestEntityTooLarge, "document-too-large");

        Assert.Equal(1, await api.DocumentRowsAsync(c.Id));
        Assert.DoesNotContain(Sha256(over), await api.StoredAsync());
        Assert.True(api.StagingEmpty);
    }

    [Theory, OnFileSystem, OnS3]
    public async Task The_documents_of_one_request_may_not_pass_the_request_limit(string store)
    {
        var (api, c) = await AtAsync(store);
        var perDocument = (int)(DocumentHosts.MaxRequestBytes / 4) - 1024;
        for (var i = 0; i < 4; i++) await UploadedAsync(c.Fra, Upload(c.Id, UniquePdf(perDocument), purpose: "supporting", language: null));
        await (await c.Fra.SendAsync(Upload(c.Id, UniquePdf(perDocument), purpose: "supporting", language: null)))
            .ExpectProblemAsync(HttpStatusCode.RequestEntityTooLarge, "request-documents-too-large");
        Assert.Equal(4, await api.DocumentRowsAsync(c.Id));
    }

    [Theory, OnFileSystem, OnS3]
    public async Task A_range_is_206_one_beyond_the_end_416_and_each_download_is_in_the_custody_log(string store)
    {
        var (_, c) = await AtAsync(store);
        var content = UniquePdf(100);
        var id = (await UploadedAsync(c.Fra, Upload(c.Id, content)))["id"].Str();
        var url = DocumentsUrl(c.Id, $"/{id}/content");

        var part = new HttpRequestMessage(HttpMethod.Get, url);
        part.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(5, 14);
        var partial = await c.Fra.SendAsync(part);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(content[5..15], await partial.Content.ReadAsByteArrayAsync());
        Assert.Equal($"bytes 5-14/{content.Length}", partial.Content.Headers.ContentRange!.ToString());

        var beyond = new HttpRequestMessage(HttpMethod.Get, url);
        beyond.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(content.Length, null);
        var refused = await c.Fra.SendAsync(beyond);
        await refused.ExpectProblemAsync(HttpStatusCode.RequestedRangeNotSatisfiable, "range-not-satisfiable");
        Assert.Equal($"bytes */{content.Length}", refused.Content.Headers.ContentRange!.ToString());

        Assert.Equal(content, await c.Fra.GetByteArrayAsync(url));

        var custody = await (await c.Fra.GetAsync(DocumentsUrl(c.Id, $"/{id}/custody"))).ExpectAsync(HttpStatusCode.OK);
        Assert.True(custody["chainValid"]!.GetValue<bool>());
        var items = custody["items"]!.AsArray();
        Assert.Equal(["uploaded", "downloaded", "downloaded"], items.Select(i => i!["action"].Str()));
        Assert.All(items, i => Assert.Equal(Sha256(content), i!["details"]!["sha256"].Str()));
        Assert.All(items, i => Assert.Equal("FRA", i!["actor"]!["state"].Str()));
        Assert.Equal($"bytes 5-14/{content.Length}", items[1]!["details"]!["range"].Str());
        Assert.Null(items[2]!["details"]!["range"]);
        Assert.Equal(items[0]!["hash"].Str(), items[1]!["previousHash"].Str());
    }

    [Theory, OnFileSystem, OnS3]
    public async Task A_range_past_the_end_ends_at_the_last_byte_however_large_its_numbers(string store)
    {
        var (_, c) = await AtAsync(store);
        var content = UniquePdf();
        var id = (await UploadedAsync(c.Fra, Upload(c.Id, content)))["id"].Str();
        async Task<HttpResponseMessage> RangeAsync(string range)
        {
            var message = new HttpRequestMessage(HttpMethod.Get, DocumentsUrl(c.Id, $"/{id}/content"));
            message.Headers.TryAddWithoutValidation("Range", range);
            return await c.Fra.SendAsync(message);
        }

        // Past 64 bits, a last-pos was read as no Range at all: 200 and the whole document.
        foreach (var (range, from) in new[] { ("bytes=0-99999999999999999999999", 0), ("bytes=5-9223372036854775808", 5), ("bytes=-99999999999999999999999", 0) })
        {
            var partial = await RangeAsync(range);
            Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
            Assert.Equal($"bytes {from}-{content.Length - 1}/{content.Length}", partial.Content.Headers.ContentRange!.ToString());
            Assert.Equal(content[from..], await partial.Content.ReadAsByteArrayAsync());
        }
        // A first-pos past 64 bits starts past the end as any other does.
        var refused = await RangeAsync("bytes=99999999999999999999999-");
        await refused.ExpectProblemAsync(HttpStatusCode.RequestedRangeNotSatisfiable, "range-not-satisfiable");
        Assert.Equal($"bytes */{content.Length}", refused.Content.Headers.ContentRange!.ToString());
    }

    [Theory, OnFileSystem, OnS3]
    public async Task A_range_holds_under_if_range_only_when_it_names_the_document_s_tag(string store)
    {
        var (_, c) = await AtAsync(store);
        var content = UniquePdf(100);
        var id = (await UploadedAsync(c.Fra, Upload(c.Id, content)))["id"].Str();
        var url = DocumentsUrl(c.Id, $"/{id}/content");
        async Task<HttpResponseMessage> RangeAsync(string ifRange)
        {
            var message = new HttpRequestMessage(HttpMethod.Get, url);
            message.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(5, 14);
            message.Headers.TryAddWithoutValidation("If-Range", ifRange);
            return await c.Fra.SendAsync(message);
        }

        var same = await RangeAsync($"\"{Sha256(content)}\"");
        // Another tag, or a date (no Last-Modified is sent): the whole document, as RFC 9110 13.1.5 asks (it was the range).
        var other = await RangeAsync("\"0000\"");
        var dated = await RangeAsync("Sat, 01 Jan 2000 00:00:00 GMT");

        Assert.Equal(HttpStatusCode.PartialContent, same.StatusCode);
        Assert.Equal(content[5..15], await same.Content.ReadAsByteArrayAsync());
        foreach (var whole in new[] { other, dated })
        {
            Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
            Assert.Equal(content, await whole.Content.ReadAsByteArrayAsync());
        }
        var custody = (await (await c.Fra.GetAsync(DocumentsUrl(c.Id, $"/{id}/custody"))).ExpectAsync(HttpStatusCode.OK))["items"]!.AsArray();
        Assert.Equal([$"bytes 5-14/{content.Length}", "<null>", "<null>"], custody.Skip(1).Select(i => i!["details"]!["range"].Str()));
    }

    [Theory, OnFileSystem, OnS3]
    public async Task A_custody_entry_changed_behind_the_api_breaks_the_chain(string store)
    {
        var (api, c) = await AtAsync(store);
        var id = (await UploadedAsync(c.Fra, Upload(c.Id, UniquePdf())))["id"].Str();
        await c.Fra.GetByteArrayAsync(DocumentsUrl(c.Id, $"/{id}/content"));
        await api.Database.ExecuteAsync("UPDATE admin_events SET actor_state = 'BRA' WHERE log = @log AND sequence = 2", new { log = "document:" + id });

        var custody = await (await c.Fra.GetAsync(DocumentsUrl(c.Id, $"/{id}/custody"))).ExpectAsync(HttpStatusCode.OK);
        Assert.False(custody["chainValid"]!.GetValue<bool>());
    }

    [Theory, OnFileSystem, OnS3]
    public async Task A_third_state_gets_404_no_key_401_and_who_never_sees_requests_403(string store)
    {
        var (api, c) = await AtAsync(store, "submitted");
        var id = (await UploadedAsync(c.Fra, Upload(c.Id, UniquePdf())))["id"].Str();
        string[] urls = [DocumentsUrl(c.Id), DocumentsUrl(c.Id, $"/{id}"), DocumentsUrl(c.Id, $"/{id}/content"), DocumentsUrl(c.Id, $"/{id}/custody")];
        foreach (var url in urls)
        {
            await (await c.Bra.GetAsync(url)).ExpectProblemAsync(HttpStatusCode.NotFound);
            await (await c.Anonymous.GetAsync(url)).ExpectProblemAsync(HttpStatusCode.Unauthorized);
            await (await c.Secretariat.GetAsync(url)).ExpectProblemAsync(HttpStatusCode.Forbidden);
            await (await api.As(DemoKeys.FraAdmin).GetAsync(url)).ExpectProblemAsync(HttpStatusCode.Forbidden);
        }
        await (await c.Bra.SendAsync(Upload(c.Id, UniquePdf()))).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await c.Anonymous.SendAsync(Upload(c.Id, UniquePdf()))).ExpectProblemAsync(HttpStatusCode.Unauthorized);
        await (await c.Secretariat.SendAsync(Upload(c.Id, UniquePdf()))).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await c.Fra.GetAsync(DocumentsUrl(c.Id, $"/{Guid.NewGuid()}"))).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await c.Fra.GetAsync(DocumentsUrl(c.Id, "/not-a-uuid"))).ExpectProblemAsync(HttpStatusCode.BadRequest);
        // A contact point sees only the expedited kinds: a request for mutual legal assistance does not exist for it.
        await (await api.As(DemoKeys.Fra247).GetAsync(DocumentsUrl(c.Id))).ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(1, await api.DocumentRowsAsync(c.Id));
    }

    [Theory, OnFileSystem, OnS3]
    public async Task The_requesting_state_sends_letters_and_the_requested_state_returns_evidence_while_it_executes(string store)
    {
        var (api, c) = await AtAsync(store, "acknowledged");
        await (await c.Deu.SendAsync(Upload(c.Id, UniquePdf()))).ExpectProblemAsync(HttpStatusCode.Forbidden, "document-purpose-of-other-state");
        await (await c.Fra.SendAsync(Upload(c.Id, UniquePdf(), purpose: "evidence", language: null))).ExpectProblemAsync(HttpStatusCode.Forbidden, "document-purpose-of-other-state");
        var early = await (await c.Deu.SendAsync(Upload(c.Id, UniquePdf(), purpose: "evidence", language: null))).ExpectProblemAsync(HttpStatusCode.Conflict, "document-not-now");
        Assert.NotNull(early["allowedActions"]);
        Assert.Equal(0, await api.DocumentRowsAsync(c.Id));

        await UploadedAsync(c.Fra, Upload(c.Id, UniquePdf(), purpose: "translation", language: "de"));
        await c.ActAsync(c.Deu, "start-execution");
        await UploadedAsync(c.Deu, Upload(c.Id, UniquePdf(), purpose: "evidence", language: null));
        await UploadedAsync(c.Deu, Upload(c.Id, UniquePdf(), purpose: "execution-record", language: null));
        Assert.Equal(3, await api.DocumentRowsAsync(c.Id));
    }

    [Theory, OnFileSystem, OnS3]
    public async Task The_requested_state_never_sees_the_documents_of_a_draft(string store)
    {
        var (_, c) = await AtAsync(store);
        var id = (await UploadedAsync(c.Fra, Upload(c.Id, UniquePdf())))["id"].Str();
        await (await c.Deu.GetAsync(DocumentsUrl(c.Id, $"/{id}"))).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await c.Deu.SendAsync(Upload(c.Id, UniquePdf(), purpose: "evidence", language: null))).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, OnFileSystem, OnS3]
    public async Task A_superseded_document_stays_listed_and_downloadable_and_the_history_records_both(string store)
    {
        var (_, c) = await AtAsync(store);
        var content = UniquePdf();
        var id = (await UploadedAsync(c.Fra, Upload(c.Id, content)))["id"].Str();
        var url = DocumentsUrl(c.Id, $"/{id}/supersede");

        var missing = await (await c.Fra.PostJsonAsync(url, new JsonObject())).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("reason", missing.Names());
        var superseded = await (await c.Fra.PostJsonAsync(url, new JsonObject { ["reason"] = "Signed again after a correction." })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("FRA", superseded["superseded"]!["byState"].Str());
        Assert.Equal("Signed again after a correction.", superseded["superseded"]!["reason"].Str());
        await (await c.Fra.PostJsonAsync(url, new JsonObject { ["reason"] = "Again." })).ExpectProblemAsync(HttpStatusCode.Conflict, "already-superseded");

        var listed = await (await c.Fra.GetAsync(DocumentsUrl(c.Id))).ExpectAsync(HttpStatusCode.OK);
        Assert.NotNull(listed["items"]![0]!["superseded"]);
        Assert.Equal(content, await c.Fra.GetByteArrayAsync(DocumentsUrl(c.Id, $"/{id}/content")));

        var history = await c.HistoryAsync();
        Assert.True(history["chainValid"]!.GetValue<bool>());
        var actions = history["events"]!.AsArray().Select(e => e!["action"].Str()).ToList();
        Assert.Equal(["create", "document-added", "document-superseded"], actions);
        var custody = await (await c.Fra.GetAsync(DocumentsUrl(c.Id, $"/{id}/custody"))).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(["uploaded", "superseded", "downloaded"], custody["items"]!.AsArray().Select(i => i!["action"].Str()));
    }

    [Theory, OnFileSystem, OnS3]
    public async Task Only_the_state_that_added_a_document_supersedes_it(string store)
    {
        var (_, c) = await AtAsync(store, "in-execution");
        var evidence = (await UploadedAsync(c.Deu, Upload(c.Id, UniquePdf(), purpose: "evidence", language: null)))["id"].Str();
        await (await c.Fra.PostJsonAsync(DocumentsUrl(c.Id, $"/{evidence}/supersede"), new JsonObject { ["reason"] = "No." }))
            .ExpectProblemAsync(HttpStatusCode.Forbidden, "document-purpose-of-other-state");
        await (await c.Bra.PostJsonAsync(DocumentsUrl(c.Id, $"/{evidence}/supersede"), new JsonObject { ["reason"] = "No." }))
            .ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, OnFileSystem, OnS3]
    public async Task An_upload_that_does_not_say_what_it_is_is_400_before_anything_is_read(string store)
    {
        var (api, c) = await AtAsync(store);
        var noPurpose = await (await c.Fra.SendAsync(UploadOf(DocumentsUrl(c.Id), new ByteArrayContent(UniquePdf()), "application/pdf", "a.pdf")))
            .ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("purpose", noPurpose.Names());
        var noLanguage = await (await c.Fra.SendAsync(Upload(c.Id, UniquePdf(), language: null))).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("language", noLanguage.Names());
        var badLanguage = await (await c.Fra.SendAsync(Upload(c.Id, UniquePdf(), language: "xx"))).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("language", badLanguage.Names());
        var noName = await (await c.Fra.SendAsync(Upload(c.Id, UniquePdf(), fileName: null))).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Content-Disposition", noName.Names());
        var badDigest = await (await c.Fra.SendAsync(Upload(c.Id, UniquePdf(), reprDigest: "sha-256=abc"))).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Repr-Digest", badDigest.Names());
        var unknown = await (await c.Fra.SendAsync(UploadOf(DocumentsUrl(c.Id, "?purpose=supporting&kind=x"), new ByteArrayContent(UniquePdf()), "application/pdf", "a.pdf")))
            .ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("kind", unknown.Names());
        Assert.Equal(0, await api.DocumentRowsAsync(c.Id));
    }

    [Theory, OnFileSystem, OnS3]
    public async Task An_unknown_purpose_a_missing_media_type_a_bad_idempotency_key_or_a_malformed_id_is_4xx_and_keeps_nothing(string store)
    {
        var (api, c) = await AtAsync(store);
        var banana = await (await c.Fra.SendAsync(Upload(c.Id, UniquePdf(), purpose: "banana"))).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("purpose", banana.Names());

        var untyped = UploadOf(DocumentsUrl(c.Id, "?purpose=supporting"), new ByteArrayContent(UniquePdf()), null, "a.pdf");
        var noType = await c.Fra.SendAsync(untyped);
        Assert.Equal(HttpStatusCode.BadRequest, noType.StatusCode);
        Assert.Equal("application/problem+json", noType.Content.Headers.ContentType?.MediaType);

        var keyed = Upload(c.Id, UniquePdf());
        keyed.Headers.TryAddWithoutValidation("Idempotency-Key", "has space");
        var badKey = await (await c.Fra.SendAsync(keyed)).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Idempotency-Key", badKey.Names());

        var malformed = await c.Fra.GetAsync(DocumentsUrl(c.Id, "/not-a-guid/content"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);

        Assert.Equal(0, await api.DocumentRowsAsync(c.Id));
        Assert.True(api.StagingEmpty);
    }

    [Theory, OnFileSystem, OnS3]
    public async Task An_interrupted_upload_leaves_no_row_and_no_file(string store)
    {
        var (api, c) = await AtAsync(store);
        var before = await api.StoredAsync();
        var message = UploadOf(DocumentsUrl(c.Id, "?purpose=supporting"), new StreamContent(new BreakingStream(UniquePdf(4000), breakAfter: 2000)),
            "application/pdf", "cut.pdf");
        try
        {
            var response = await c.Fra.SendAsync(message);
            Assert.False(response.IsSuccessStatusCode, $"an interrupted upload was answered {(int)response.StatusCode}");
        }
        catch (Exception e) when (e is HttpRequestException or IOException or InvalidOperationException)
        {
            // The client saw its own upload fail: what matters is what the server kept.
        }

        Assert.Equal(0, await api.DocumentRowsAsync(c.Id));
        Assert.Equal(before.Order(), (await api.StoredAsync()).Order());
        Assert.True(api.StagingEmpty);
    }

    [Theory, OnFileSystem, OnS3]
    public async Task The_sweeper_removes_stored_content_no_document_names(string store)
    {
        await using var api = new DocumentHost(store) { Settings = { ["Documents:OrphanGraceMinutes"] = "0" } };
        var c = await Case.AtAsync(api, "draft");
        var kept = UniquePdf();
        await UploadedAsync(c.Fra, Upload(c.Id, kept));

        // Bytes stored whose row never committed (a crash between the two): written straight to the store.
        var orphan = UniquePdf();
        var storeService = api.Services.GetRequiredService<IDocumentContentStore>();
        Directory.CreateDirectory(storeService.StagingFolder);
        var staged = await ContentIntake.ReceiveAsync(new MemoryStream(orphan), storeService.StagingFolder, 1 << 20, CancellationToken.None);
        using (var content = Assert.IsType<Received>(staged).Content) await storeService.SaveAsync(content, CancellationToken.None);
        Assert.Contains(Sha256(orphan), await api.StoredAsync());

        Assert.Equal(1, await api.Services.GetRequiredService<OrphanSweeper>().SweepAsync(CancellationToken.None));
        Assert.Equal([Sha256(kept)], await api.StoredAsync());
        Assert.Equal(kept, await c.Fra.GetByteArrayAsync(DocumentsUrl(c.Id, $"/{(await (await c.Fra.GetAsync(DocumentsUrl(c.Id))).ExpectAsync(HttpStatusCode.OK))["items"]![0]!["id"].Str()}/content")));
    }

    [Theory, OnFileSystem, OnS3]
    public async Task A_completion_returns_an_evidence_manifest_whose_hash_anyone_can_reproduce(string store)
    {
        var (_, c) = await AtAsync(store, "in-execution");
        var letter = (await UploadedAsync(c.Fra, Upload(c.Id, UniquePdf())))["id"].Str();
        // A name outside ASCII, with characters a JSON encoder may escape (+ < > & '): the recipe writes them as they are.
        var logsUpload = Upload(c.Id, "time,ip\n2026-03-02T01:00Z,203.0.113.7\n"u8.ToArray(), purpose: "evidence", language: null, mediaType: "text/csv", fileName: null);
        logsUpload.Content!.Headers.TryAddWithoutValidation("Content-Disposition", "attachment; filename*=UTF-8''journaux%20r%C3%A9seau%2B%3C1%3E%26%27b%27.csv");
        var logs = await UploadedAsync(c.Deu, logsUpload);
        Assert.Equal("journaux réseau+<1>&'b'.csv", logs["name"].Str());
        var record = await UploadedAsync(c.Deu, Upload(c.Id, UniquePdf(), purpose: "execution-record", language: null, fileName: "record.pdf"));
        await (await c.Fra.GetAsync(c.Url("evidence-manifest"))).ExpectProblemAsync(HttpStatusCode.NotFound);

        var withLetter = await (await c.PostAsync(c.Deu, "complete", Completion(letter))).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["evidenceDocumentIds"], withLetter.Names());
        var unknown = await (await c.PostAsync(c.Deu, "complete", Completion(Guid.NewGuid().ToString()))).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "unknown-document");
        Assert.Equal(["evidenceDocumentIds[0]"], unknown.Names());

        var completed = await c.ActAsync(c.Deu, "complete", Completion(record["id"].Str(), logs["id"].Str()));
        var manifest = completed["outcome"]!["evidence"]!.AsObject();

        // Rebuilt here from what the uploads answered, by the recipe the API documents: compact JSON, documents by id.
        var expected = "{\"recipe\":\"uncc-evidence-manifest/2\",\"requestId\":\"" + c.Id + "\",\"documents\":[" +
                       string.Join(",", new[] { logs, record }.OrderBy(d => d["id"].Str(), StringComparer.Ordinal).Select(d =>
                           $"{{\"documentId\":\"{d["id"].Str()}\",\"name\":\"{d["name"].Str()}\",\"size\":{d["size"]},\"sha256\":\"{d["sha256"].Str()}\",\"mediaType\":\"{d["mediaType"].Str()}\"}}")) +
                       "]}";
        Assert.Equal(Sha256(Encoding.UTF8.GetBytes(expected)), manifest["sha256"].Str());
        Assert.Equal(2, manifest["documents"]!.AsArray().Count);
        Assert.Equal("uncc-evidence-manifest/2", manifest["recipe"].Str());

        var served = await (await c.Fra.GetAsync(c.Url("evidence-manifest"))).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(manifest.ToJsonString(), served.ToJsonString());
        var history = await c.HistoryAsync();
        Assert.True(history["chainValid"]!.GetValue<bool>());
        var completion = history["events"]!.AsArray().Last(e => e!["action"].Str() == "complete")!;
        Assert.Equal(manifest["sha256"].Str(), completion["details"]!["evidence"]!["sha256"].Str());
        await (await c.Bra.GetAsync(c.Url("evidence-manifest"))).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, OnFileSystem, OnS3]
    public async Task A_completion_may_not_return_a_superseded_document(string store)
    {
        var (_, c) = await AtAsync(store, "in-execution");
        var first = (await UploadedAsync(c.Deu, Upload(c.Id, UniquePdf(), purpose: "evidence", language: null)))["id"].Str();
        await (await c.Deu.PostJsonAsync(DocumentsUrl(c.Id, $"/{first}/supersede"), new JsonObject { ["reason"] = "Wrong export." })).ExpectAsync(HttpStatusCode.OK);
        var problem = await (await c.PostAsync(c.Deu, "complete", Completion(first))).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["evidenceDocumentIds"], problem.Names());
    }

    private static JsonObject Completion(params string[] ids) => new()
    {
        ["outcome"] = "executed", ["summary"] = "The logs are returned.", ["evidenceDocumentIds"] = new JsonArray(ids.Select(i => (JsonNode)i).ToArray()),
    };

    /// <summary>A body that fails part-way, as a client that hangs up mid-upload.</summary>
    private sealed class BreakingStream(byte[] content, int breakAfter) : MemoryStream(content)
    {
        public override int Read(byte[] buffer, int offset, int count) =>
            Position >= breakAfter ? throw new IOException("connection lost") : base.Read(buffer, offset, Math.Min(count, breakAfter - (int)Position));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) => Task.FromResult(Read(buffer, offset, count));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
        {
            var array = new byte[buffer.Length];
            var read = Read(array, 0, array.Length);
            array.AsSpan(0, read).CopyTo(buffer.Span);
            return ValueTask.FromResult(read);
        }
    }
}
