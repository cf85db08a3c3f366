using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace AssistanceApi.Domain.Documents;

/// <summary>One document an execution returns, as it was stored when the manifest was made.</summary>
public sealed record ManifestItem(Guid DocumentId, string Name, long Size, string Sha256, string MediaType);

/// <summary>A document a completion names as returned: what the manifest lists, and what decides whether it may.</summary>
public sealed record ReturnedDocument(ManifestItem Item, DocumentPurpose Purpose, bool Superseded);

/// <summary>
/// What the requested State returned with its completion, and the SHA-256 of the list's canonical JSON: with it the
/// requesting State can later prove exactly which bytes it received (each document's own SHA-256 is inside).
/// </summary>
public sealed record EvidenceManifest(IReadOnlyList<ManifestItem> Documents, string Sha256)
{
    public const string Recipe = "uncc-evidence-manifest/1";

    /// <summary>The manifest of these documents, ordered by document id as text (ids are UUIDv7: the order they were added).</summary>
    public static EvidenceManifest Of(Guid requestId, IEnumerable<ManifestItem> documents)
    {
        var items = documents.OrderBy(d => d.DocumentId.ToString("D"), StringComparer.Ordinal).ToList();
        return new EvidenceManifest(items, Convert.ToHexStringLower(SHA256.HashData(Canonical(requestId, items))));
    }

    /// <summary>
    /// The bytes hashed, compact UTF-8 JSON with the fields in this order and nothing else:
    /// <c>{"recipe":"uncc-evidence-manifest/1","requestId":"…","documents":[{"documentId":"…","name":"…","size":n,"sha256":"…","mediaType":"…"},…]}</c>;
    /// strings escaped as System.Text.Json's default encoder writes them.
    /// </summary>
    public static byte[] Canonical(Guid requestId, IReadOnlyList<ManifestItem> items)
    {
        var buffer = new ArrayBufferWriter<byte>(256 + 256 * items.Count);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("recipe", Recipe);
            json.WriteString("requestId", requestId.ToString("D"));
            json.WriteStartArray("documents");
            foreach (var item in items)
            {
                json.WriteStartObject();
                json.WriteString("documentId", item.DocumentId.ToString("D"));
                json.WriteString("name", item.Name);
                json.WriteNumber("size", item.Size);
                json.WriteString("sha256", item.Sha256);
                json.WriteString("mediaType", item.MediaType);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
