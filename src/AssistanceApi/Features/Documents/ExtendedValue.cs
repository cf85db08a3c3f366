using System.Text;

namespace AssistanceApi.Features.Documents;

/// <summary>What an RFC 8187 ext-value (<c>charset'language'%XX…</c>, as <c>filename*</c> sends a name that is not ASCII) holds.</summary>
public abstract record ExtendedValue
{
    public sealed record Text(string Value) : ExtendedValue;

    /// <summary>Not of that form, or a charset this server does not read: the plain parameter serves instead (RFC 6266 4.3).</summary>
    public sealed record Unreadable : ExtendedValue;

    /// <summary>No text in the charset named: a % not followed by two hex digits, a character not ASCII, an invalid or overlong sequence, an encoded surrogate.</summary>
    public sealed record NotText(string Charset) : ExtendedValue;

    public static ExtendedValue Decode(string value)
    {
        var parts = value.Split('\'');
        if (parts.Length != 3) return new Unreadable();
        // UTF-8 and ISO-8859-1 only, the charsets RFC 5987 has every recipient read (a UTF-16 name read its NULs as text): any
        // other, US-ASCII too, gives way to the plain parameter, which holds any ASCII name. Strict: a replacement character
        // would stand in for what was sent, and be kept as the name.
        Encoding? charset = parts[0].ToUpperInvariant() switch
        {
            "UTF-8" => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true),
            "ISO-8859-1" => Encoding.Latin1,
            _ => null,
        };
        if (charset is null) return new Unreadable();
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

    /// <summary>The bytes of %XX escapes and of the ASCII characters between them; null when a % starts no escape or a character is not ASCII.</summary>
    private static byte[]? PercentDecoded(string text)
    {
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%')
            {
                if (i + 2 >= text.Length || !char.IsAsciiHexDigit(text[i + 1]) || !char.IsAsciiHexDigit(text[i + 2])) return null;
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else if (char.IsAscii(text[i])) bytes.Add((byte)text[i]);
            else return null;
        }
        return [.. bytes];
    }
}
