using System.Text;
using Microsoft.Net.Http.Headers;

namespace AssistanceApi.Features.Documents;

/// <summary>
/// The name a document is kept and offered under: the last segment of what the sender called it, without control or
/// bidirectional-override characters (which make a name show as something else), at most 255 UTF-8 bytes.
/// </summary>
public static class FileNames
{
    public const int MaxBytes = 255;
    public const string Fallback = "document";

    /// <summary>The file name of a Content-Disposition header (filename* preferred), or null when it names none.</summary>
    public static string? FromContentDisposition(string? header)
    {
        if (header is null || !ContentDispositionHeaderValue.TryParse(header, out var value)) return null;
        var name = value.FileNameStar.HasValue ? value.FileNameStar.Value : HeaderUtilities.RemoveQuotes(value.FileName).Value;
        return string.IsNullOrEmpty(name) ? null : name;
    }

    public static string Sanitise(string name)
    {
        var last = name.Split('/', '\\')[^1];
        var kept = new StringBuilder(last.Length);
        foreach (var c in last)
            if (!char.IsControl(c) && c is not ((>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069')))
                kept.Append(c);
        var text = kept.ToString().Trim().TrimStart('.');
        text = Truncate(text);
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
