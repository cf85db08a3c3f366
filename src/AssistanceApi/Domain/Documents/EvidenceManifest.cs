using System.Globalization;
using System.Security.Cryptography;
using System.Text;

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
    public const string CurrentRecipe = "uncc-evidence-manifest/2";

    /// <summary>
    /// How <see cref="Sha256"/> was made. A manifest stored before the recipe was recorded was made by
    /// uncc-evidence-manifest/1, which escaped strings as System.Text.Json's default encoder does (every non-ASCII
    /// character and + &lt; &gt; &amp; ' as \uXXXX): a verifier in another language could not rebuild it for such a name.
    /// </summary>
    public string Recipe { get; init; } = "uncc-evidence-manifest/1";

    /// <summary>The manifest of these documents, ordered by document id as text (ids are UUIDv7: the order they were added).</summary>
    public static EvidenceManifest Of(Guid requestId, IEnumerable<ManifestItem> documents)
    {
        var items = documents.OrderBy(d => d.DocumentId.ToString("D"), StringComparer.Ordinal).ToList();
        return new EvidenceManifest(items, Convert.ToHexStringLower(SHA256.HashData(Canonical(requestId, items)))) { Recipe = CurrentRecipe };
    }

    /// <summary>
    /// The bytes hashed, compact UTF-8 JSON with the fields in this order and nothing else:
    /// <c>{"recipe":"uncc-evidence-manifest/2","requestId":"…","documents":[{"documentId":"…","name":"…","size":n,"sha256":"…","mediaType":"…"},…]}</c>;
    /// strings as RFC 8785 (and JavaScript's JSON.stringify, and Python's json.dumps with ensure_ascii=False) write them.
    /// </summary>
    public static byte[] Canonical(Guid requestId, IReadOnlyList<ManifestItem> items)
    {
        var json = new StringBuilder(256 + 256 * items.Count);
        json.Append("{\"recipe\":").AppendJsonString(CurrentRecipe).Append(",\"requestId\":").AppendJsonString(requestId.ToString("D"))
            .Append(",\"documents\":[");
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            json.Append(i == 0 ? "{" : ",{")
                .Append("\"documentId\":").AppendJsonString(item.DocumentId.ToString("D"))
                .Append(",\"name\":").AppendJsonString(item.Name)
                .Append(",\"size\":").Append(item.Size.ToString(CultureInfo.InvariantCulture))
                .Append(",\"sha256\":").AppendJsonString(item.Sha256)
                .Append(",\"mediaType\":").AppendJsonString(item.MediaType)
                .Append('}');
        }
        return Encoding.UTF8.GetBytes(json.Append("]}").ToString());
    }
}
