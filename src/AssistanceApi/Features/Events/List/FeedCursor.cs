using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace AssistanceApi.Features.Events.List;

/// <summary>The feed's cursor: the position of the last event a page held, opaque to clients (base64url).</summary>
public static class FeedCursor
{
    public static string Encode(long position) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes("p" + position.ToString(CultureInfo.InvariantCulture)));

    public static bool IsValid(string? cursor) => cursor is null || TryDecode(cursor, out _);

    /// <summary>0: no cursor, from the start. Call after validation.</summary>
    public static long Decode(string? cursor) => cursor is null ? 0 : TryDecode(cursor, out var position) ? position : throw new FormatException();

    private static bool TryDecode(string cursor, out long position)
    {
        position = 0;
        if (cursor.Length is 0 or > 40 || !Base64Url.IsValid(cursor)) return false;
        var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        return text.StartsWith('p') && long.TryParse(text.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out position) && position > 0;
    }
}
