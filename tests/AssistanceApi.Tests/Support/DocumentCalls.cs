using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace AssistanceApi.Tests.Support;

/// <summary>Uploads and downloads of documents, as a case-management system would send them.</summary>
public static class DocumentCalls
{
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    /// <summary>A PDF of its own, so no two tests' documents share content unless they mean to.</summary>
    public static byte[] UniquePdf(int extraBytes = 0) =>
        [.. Pdf, .. Encoding.ASCII.GetBytes($"% {Guid.NewGuid()}\n"), .. Enumerable.Repeat((byte)'x', extraBytes)];

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    public static HttpRequestMessage Upload(string requestId, byte[] content, string purpose = "request-letter", string? language = "en",
        string mediaType = "application/pdf", string? fileName = "letter.pdf", string? reprDigest = null)
    {
        var query = $"purpose={purpose}" + (language is null ? "" : $"&language={language}");
        return UploadOf($"/api/v1/requests/{requestId}/documents?{query}", new ByteArrayContent(content), mediaType, fileName, reprDigest);
    }

    public static HttpRequestMessage UploadOf(string url, HttpContent content, string? mediaType, string? fileName, string? reprDigest = null)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        if (mediaType is not null) content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        if (fileName is not null) content.Headers.TryAddWithoutValidation("Content-Disposition", $"attachment; filename=\"{fileName}\"");
        if (reprDigest is not null) message.Headers.TryAddWithoutValidation("Repr-Digest", reprDigest);
        return message;
    }

    public static string DigestHeader(byte[] content) => $"sha-256=:{Convert.ToBase64String(SHA256.HashData(content))}:";

    public static string DocumentsUrl(string requestId, string rest = "") => $"/api/v1/requests/{requestId}/documents{rest}";
}
