using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AssistanceApi.Domain.Documents;
using AssistanceApi.Http;

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
            """{"recipe":"uncc-evidence-manifest/2","requestId":"019a4a3e-8c1f-7d2a-9b3c-4d5e6f708192","documents":[""" +
            """{"documentId":"019a4a3e-9000-7000-8000-000000000001","name":"logs.csv","size":42,"sha256":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","mediaType":"text/csv"},""" +
            """{"documentId":"019a4a3e-9000-7000-8000-000000000002","name":"Statement \"B\".pdf","size":7,"sha256":"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb","mediaType":"application/pdf"}]}""";
        Assert.Equal(expected, Encoding.UTF8.GetString(EvidenceManifest.Canonical(RequestId, manifest.Documents)));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(expected))), manifest.Sha256);
        Assert.Equal([First, Second], manifest.Documents);
    }

    [Theory]
    // Written as they are, as RFC 8785, JSON.stringify and Python's json.dumps(ensure_ascii=False) write them.
    [InlineData("résumé – München.csv", "résumé – München.csv")]
    [InlineData("a+<b>&'c'.csv", "a+<b>&'c'.csv")]
    [InlineData("证据 😀.txt", "证据 😀.txt")]
    // Only the quote, the backslash and the C0 controls are escaped, the controls in lower-case hex or their short forms.
    [InlineData("a\\b\"c", "a\\\\b\\\"c")]
    [InlineData("tab\tnl\nnul\u0000us\u001f", "tab\\tnl\\nnul\\u0000us\\u001f")]
    public void A_name_is_written_as_rfc_8785_writes_a_string(string name, string written)
    {
        var text = Encoding.UTF8.GetString(EvidenceManifest.Canonical(RequestId, [First with { Name = name }]));

        Assert.Contains($"\"name\":\"{written}\",", text);
    }

    [Fact]
    public void A_manifest_stored_before_its_recipe_was_recorded_reads_as_the_first_recipe()
    {
        var stored = JsonSerializer.Deserialize<EvidenceManifest>("""{"documents":[],"sha256":"ab"}""", JsonDefaults.Options)!;
        var made = JsonSerializer.Deserialize<EvidenceManifest>(JsonSerializer.Serialize(EvidenceManifest.Of(RequestId, [First]), JsonDefaults.Options), JsonDefaults.Options)!;

        Assert.Equal("uncc-evidence-manifest/1", stored.Recipe);
        Assert.Equal(EvidenceManifest.CurrentRecipe, made.Recipe);
    }

    [Fact]
    public void Another_size_or_digest_gives_another_hash() =>
        Assert.NotEqual(EvidenceManifest.Of(RequestId, [First]).Sha256, EvidenceManifest.Of(RequestId, [First with { Size = 43 }]).Sha256);
}
