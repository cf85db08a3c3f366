using AssistanceApi.Http;

namespace AssistanceApi.Features.Documents;

/// <summary>RFC 9530 <c>Repr-Digest: sha-256=:&lt;base64&gt;:</c>, read from an upload and written on every answer that carries content.</summary>
public static class ReprDigest
{
    public const string Header = "Repr-Digest";

    public static string Format(string sha256Hex) => $"sha-256=:{Convert.ToBase64String(Convert.FromHexString(sha256Hex))}:";

    /// <summary>
    /// The SHA-256 (lowercase hex) the header states, null when it states none; a malformed header is a 400. The header
    /// is an RFC 8941 Dictionary (several lines joined by commas): a key sent twice keeps its last value.
    /// </summary>
    public static string? Sha256Of(string? header)
    {
        if (string.IsNullOrWhiteSpace(header)) return null;
        string? sha256 = null;
        foreach (var member in header.Split(','))
        {
            var eq = member.IndexOf('=');
            if (eq <= 0) throw Malformed();
            var algorithm = member[..eq].Trim().ToLowerInvariant();
            if (algorithm != "sha-256") continue;
            var value = member[(eq + 1)..].Trim();
            if (value.Length < 2 || value[0] != ':' || value[^1] != ':') throw Malformed();
            var bytes = new byte[32];
            if (!Convert.TryFromBase64String(value[1..^1], bytes, out var written) || written != 32) throw Malformed();
            sha256 = Convert.ToHexStringLower(bytes);
        }
        return sha256;
    }

    private static ApiProblemException Malformed() =>
        Problems.BadRequest("Repr-Digest is not an RFC 9530 digest.",
            new ProblemError(Header, "sha-256=:<base64 of the 32-byte SHA-256>:", "invalid-digest"));
}
