using System.Text;
using AssistanceApi.Http;
using Microsoft.Net.Http.Headers;

namespace AssistanceApi.Features.Documents;

/// <summary>
/// The name a document is kept and offered under: what the sender called it — <c>filename*</c> (RFC 8187) preferred to
/// <c>filename</c> (a token or an RFC 9110 quoted-string) — refused when it is not text or holds what a single-line
/// free text may not (FreeText), then its last path segment without surrounding blanks or leading dots (a saved
/// copy is never a hidden file), at most 255 UTF-8 bytes.
/// </summary>
public static class FileNames
{
    public const string Header = "Content-Disposition";
    public const int MaxBytes = 255;
    public const string Fallback = "document";

    /// <summary>The name to keep from a Content-Disposition header; null, with the reason added to errors, when there is none.</summary>
    public static string? Read(string? header, ICollection<ProblemError> errors)
    {
        var parameters = ContentDispositionHeaderValue.TryParse(header, out var value) ? value.Parameters : null;
        var extended = NameValueHeaderValue.Find(parameters, "filename*") is { } star ? ExtendedValue.Decode(star.Value.ToString()) : new ExtendedValue.Unreadable();
        if (extended is ExtendedValue.NotText notText)
        {
            errors.Add(new ProblemError(Header,
                $"filename* must be ASCII and %XX escapes of two hex digits, whose bytes are text in the charset it names ({notText.Charset}) " +
                "(RFC 8187); this holds a % that starts no escape, a character not ASCII, an invalid sequence or an encoded surrogate.", FreeText.Code));
            return null;
        }
        // An empty filename* names nothing: the plain parameter serves, as for a charset not read.
        var name = extended is ExtendedValue.Text { Value.Length: > 0 } text ? text.Value : Plain(NameValueHeaderValue.Find(parameters, "filename"));
        if (string.IsNullOrEmpty(name)) errors.Add(new ProblemError(Header, "required: attachment; filename=\"…\" naming the file.", "required"));
        else if (!FreeText.IsClean(name, multiLine: false)) errors.Add(new ProblemError(Header, FreeText.SingleLineReason, FreeText.Code));
        else return Kept(name);
        return null;
    }

    /// <summary>A quoted-string's quoted-pairs are unescaped before the path goes: in "a\"b.txt" the backslash is no separator.</summary>
    private static string? Plain(NameValueHeaderValue? filename) =>
        filename is null ? null
        : HeaderUtilities.IsQuoted(filename.Value) ? HeaderUtilities.UnescapeAsQuotedString(filename.Value).ToString()
        : filename.Value.ToString();

    private static string Kept(string sent)
    {
        var text = Truncate(sent.Split('/', '\\')[^1].Trim().TrimStart('.'));
        return text.Length == 0 ? Fallback : text;
    }

    private static string Truncate(string text)
    {
        if (Encoding.UTF8.GetByteCount(text) <= MaxBytes) return text;
        var end = text.Length;
        while (end > 0 && Encoding.UTF8.GetByteCount(text.AsSpan(0, end)) > MaxBytes) end--;
        if (end > 0 && char.IsHighSurrogate(text[end - 1])) end--;
        return text[..end];
    }
}
