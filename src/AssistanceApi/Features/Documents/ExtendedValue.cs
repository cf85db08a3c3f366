using System.Text;

namespace AssistanceApi.Features.Documents;

/// <summary>What an RFC 8187 ext-value (<c>charset'language'%XX…</c>, as <c>filename*</c> sends a name that is not ASCII) holds.</summary>
public abstract record ExtendedValue
{
    public sealed record Text(string Value) : ExtendedValue;

    /// <summary>Not of that form, or a charset this server does not know: the plain parameter serves instead (RFC 6266 4.3).</summary>
    public sealed record Unreadable : ExtendedValue;

    /// <summary>Bytes that are no text in the charset named: an invalid or overlong sequence, an encoded surrogate.</summary>
    public sealed record NotText(string Charset) : ExtendedValue;

    public static ExtendedValue Decode(string value)
    {
        var parts = value.Split('\'');
        if (parts.Length != 3) return new Unreadable();
        Encoding charset;
        try
        {
            // Strict: a replacement character would stand in for what was sent, and be kept as the name.
            charset = Encoding.GetEncoding(parts[0], EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
        // UTF-7 is known by name but disabled in .NET (NotSupportedException): a charset this server does not read, as any other.
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return new Unreadable();
        }
        if (PercentDecoded(parts[2]) is not { } bytes) return new NotText(parts[0]);
        try
        {
            return new Text(charset.GetString(bytes));
        }
        catch (DecoderFallbackException)
        {
            return new NotText(parts[0]);
        }
    }

    /// <summary>The bytes of %XX escapes and of the ASCII characters between them; null when a character is not ASCII.</summary>
    private static byte[]? PercentDecoded(string text)
    {
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 2 < text.Length && byte.TryParse(text.AsSpan(i + 1, 2), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var escaped))
            {
                bytes.Add(escaped);
                i += 2;
            }
            else if (char.IsAscii(text[i])) bytes.Add((byte)text[i]);
            else return null;
        }
        return [.. bytes];
    }
}
