using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AssistanceApi.Tests.Support;
using static AssistanceApi.Tests.Support.DocumentCalls;

namespace AssistanceApi.Tests.Http;

/// <summary>
/// Nothing here decodes a content coding: a coded body is a 415 naming the one coding taken (identity), never read as
/// JSON or kept as a document in its coded bytes. Each test works on an ApiFactory of its own, so "nothing kept" is exact.
/// </summary>
public sealed class ContentCodingTests
{
    private const string Draft = """{"kind":"mutual-legal-assistance","requestedState":"DEU"}""";

    private static HttpRequestMessage Coded(string url, byte[] body, string coding)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        message.Content.Headers.TryAddWithoutValidation("Content-Encoding", coding);
        return message;
    }

    private static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest)) gzip.Write(Encoding.UTF8.GetBytes(text));
        return output.ToArray();
    }

    [Theory]
    [InlineData("gzip", true)]
    [InlineData("gzip", false)] // a plain body labelled gzip: read as it is, it would have been a draft
    [InlineData("br", false)]
    [InlineData("identity, gzip", false)]
    public async Task A_coded_create_is_415_and_creates_nothing(string coding, bool coded)
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);

        var response = await fra.SendAsync(Coded("/api/v1/requests", coded ? Gzip(Draft) : Encoding.UTF8.GetBytes(Draft), coding));

        var problem = await response.ExpectProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        Assert.Contains("content coding", problem["detail"].Str());
        Assert.Equal("identity", response.Headers.GetValues("Accept-Encoding").Single());
        await fra.AssertNoRequestsAsync();
    }

    [Fact]
    public async Task A_body_coded_identity_is_read_as_it_is()
    {
        await using var api = new ApiFactory();

        await (await api.As(DemoKeys.Fra).SendAsync(Coded("/api/v1/requests", Encoding.UTF8.GetBytes(Draft), "identity"))).ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_coded_upload_is_415_and_keeps_nothing()
    {
        await using var api = new ApiFactory();
        var c = await Case.AtAsync(api, "draft");
        var upload = Upload(c.Id, UniquePdf());
        upload.Content!.Headers.ContentEncoding.Add("gzip");

        var response = await c.Fra.SendAsync(upload);

        await response.ExpectProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        var listed = await (await c.Fra.GetAsync(DocumentsUrl(c.Id))).ExpectAsync(HttpStatusCode.OK);
        Assert.Empty(listed["items"]!.AsArray());
    }
}
