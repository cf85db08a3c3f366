using AssistanceApi.Domain.Documents;

namespace AssistanceApi.Features.Documents;

/// <summary>Why the declared media type was refused: not one this API keeps, or not what the bytes are.</summary>
public enum MediaTypeVerdict { Accepted, NotAllowed, Contradicted }

/// <summary>
/// The media types a document may have, each checked against the file's first bytes (its magic number), so a file
/// declared a PDF is one: what a court receives is what it says it is. application/octet-stream only for evidence,
/// whose forensic images and exports have no type of their own.
/// </summary>
public static class MediaTypes
{
    public const string OctetStream = "application/octet-stream";

    private static readonly Dictionary<string, Func<ReadOnlyMemory<byte>, bool>> Checks = new(StringComparer.Ordinal)
    {
        ["application/pdf"] = h => StartsWith(h, "%PDF-"u8),
        ["image/png"] = h => StartsWith(h, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ["image/jpeg"] = h => StartsWith(h, [0xFF, 0xD8, 0xFF]),
        ["image/tiff"] = h => StartsWith(h, "II*\0"u8) || StartsWith(h, "MM\0*"u8),
        ["application/zip"] = h => StartsWith(h, "PK\x03\x04"u8) || StartsWith(h, "PK\x05\x06"u8),
        ["text/plain"] = IsText,
        ["text/csv"] = IsText,
        ["application/json"] = h => IsText(h) && FirstSignificant(h) is null or '{' or '[' or '"' or '-' or (>= '0' and <= '9') or 't' or 'f' or 'n',
        ["application/xml"] = h => IsText(h) && FirstSignificant(h) == '<',
        ["text/xml"] = h => IsText(h) && FirstSignificant(h) == '<',
        [OctetStream] = _ => true,
    };

    public static IEnumerable<string> Allowed => Checks.Keys;

    /// <summary>The bare media type of a Content-Type header (no parameters), lowercase; null if there is none.</summary>
    public static string? Bare(string? contentType) =>
        contentType?.Split(';')[0].Trim().ToLowerInvariant() is { Length: > 0 } bare ? bare : null;

    public static MediaTypeVerdict Check(string mediaType, DocumentPurpose purpose, ReadOnlyMemory<byte> head)
    {
        if (!Checks.TryGetValue(mediaType, out var matches) || (mediaType == OctetStream && purpose != DocumentPurpose.Evidence))
            return MediaTypeVerdict.NotAllowed;
        return matches(head) ? MediaTypeVerdict.Accepted : MediaTypeVerdict.Contradicted;
    }

    private static bool StartsWith(ReadOnlyMemory<byte> head, ReadOnlySpan<byte> magic) => head.Span.StartsWith(magic);

    private static readonly Func<ReadOnlyMemory<byte>, bool>[] BinarySignatures =
        [Checks["application/pdf"], Checks["image/png"], Checks["image/jpeg"], Checks["image/tiff"], Checks["application/zip"]];

    /// <summary>UTF-8 without NUL (a multi-byte character cut at the end of the sample is fine) and no binary signature.</summary>
    private static bool IsText(ReadOnlyMemory<byte> head)
    {
        var span = head.Span;
        if (span.Contains((byte)0)) return false;
        if (BinarySignatures.Any(isBinary => isBinary(head))) return false;
        for (var cut = 0; cut < 4 && cut <= span.Length; cut++)
            if (System.Text.Unicode.Utf8.IsValid(span[..(span.Length - cut)])) return true;
        return false;
    }

    private static char? FirstSignificant(ReadOnlyMemory<byte> head)
    {
        var span = head.Span;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) span = span[3..];
        foreach (var b in span)
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return (char)b;
        return null;
    }
}
