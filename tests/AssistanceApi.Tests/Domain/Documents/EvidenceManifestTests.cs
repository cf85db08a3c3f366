using System.Security.Cryptography;
using System.Text;
using AssistanceApi.Domain.Documents;

namespace AssistanceApi.Tests.Domain.Documents;

/// <summary>The manifest's hash is over canonical JSON anyone can rebuild: pinned here byte for byte.</summary>
public sealed class EvidenceManifestTests
{
    private static readonly Guid RequestId = Guid.Parse("019a4a3e-8c1f-7d2a-9b3c-4d5e6f708192");
    private static readonly ManifestItem First = new(Guid.Parse("019a4a3e-9000-7000-8000-000000000001"), "logs.csv", 42, new string('a', 64), "text/csv");
    private static readonly ManifestItem Second = new(Guid.Parse("019a4a3e-9000-7000-8000-000000000002"), "Statement \"B\".pdf", 7, new string('b', 64), "application/pdf");

    [Fact]
    public void The_canonical_json_is_compact_in_a_fixed_order_and_by_document_id()
    {
        var manifest = EvidenceManifest.Of(RequestId, [Second, First]);
        const string expected =
            """{"recipe":"uncc-evidence-manifest/1","requestId":"019a4a3e-8c1f-7d2a-9b3c-4d5e6f708192","documents":[""" +
            """{"documentId":"019a4a3e-9000-7000-8000-000000000001","name":"logs.csv","size":42,"sha256":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","mediaType":"text/csv"},""" +
            """{"documentId":"019a4a3e-9000-7000-8000-000000000002","name":"Statement \u0022B\u0022.pdf","size":7,"sha256":"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb","mediaType":"application/pdf"}]}""";
        Assert.Equal(expected, Encoding.UTF8.GetString(EvidenceManifest.Canonical(RequestId, manifest.Documents)));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(expected))), manifest.Sha256);
        Assert.Equal([First, Second], manifest.Documents);
    }

    [Fact]
    public void Another_size_or_digest_gives_another_hash() =>
        Assert.NotEqual(EvidenceManifest.Of(RequestId, [First]).Sha256, EvidenceManifest.Of(RequestId, [First with { Size = 43 }]).Sha256);
}
