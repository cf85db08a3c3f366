using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using AssistanceApi.Audit;

namespace AssistanceApi.Features.Events.List;

/// <summary>
/// The feed's cursor: the position of the last event a page held, sealed so that it is opaque in fact. Positions count
/// every event of every State; a readable one would tell a State how many events it may not see happened between two of
/// its own. One AES-256 block (a fixed 8-byte mark and the position) under a key derived from the audit chain key:
/// the same position always gives the same cursor, and a cursor cannot be read or made without the key (one whose mark
/// does not come back cannot be opened). A rotated chain key still opens cursors sealed under a key still configured.
/// </summary>
public sealed class FeedCursor(Lazy<ChainKeys> keys)
{
    private const string Label = "assistance-api/feed-cursor/v1";
    private static readonly byte[] Mark = "uncc-fc1"u8.ToArray();

    public string Encode(long position)
    {
        Span<byte> block = stackalloc byte[16];
        Mark.CopyTo(block);
        BinaryPrimitives.WriteInt64BigEndian(block[8..], position);
        using var aes = Cipher(keys.Value.CurrentId);
        return Base64Url.EncodeToString(aes.EncryptEcb(block, PaddingMode.None));
    }

    public enum Reading { Opened, Unopenable, NotACursor }

    /// <summary>
    /// Opened, with the position (0 for no cursor); Unopenable: shaped as a cursor of this feed but sealed under a chain
    /// key no longer configured, or a position in clear as cursors were before they were sealed (a client holding one
    /// starts again, as after retention); NotACursor: anything else.
    /// </summary>
    public Reading Read(string? cursor, out long position)
    {
        position = 0;
        if (cursor is null) return Reading.Opened;
        if (cursor.Length > 40 || !Base64Url.IsValid(cursor)) return Reading.NotACursor;
        var block = Base64Url.DecodeFromChars(cursor);
        if (block.Length != 16) return IsPositionInClear(block) ? Reading.Unopenable : Reading.NotACursor;
        foreach (var keyId in keys.Value.KeyIds)
        {
            using var aes = Cipher(keyId);
            var plain = aes.DecryptEcb(block, PaddingMode.None);
            if (!plain.AsSpan(0, 8).SequenceEqual(Mark)) continue;
            position = BinaryPrimitives.ReadInt64BigEndian(plain.AsSpan(8));
            return position > 0 ? Reading.Opened : Reading.NotACursor;
        }
        return Reading.Unopenable;
    }

    private static bool IsPositionInClear(ReadOnlySpan<byte> text) =>
        text.Length is > 1 and <= 20 && text[0] == (byte)'p' && text[1] != (byte)'0' && !text[1..].ContainsAnyExceptInRange((byte)'0', (byte)'9');

    private Aes Cipher(string keyId)
    {
        var aes = Aes.Create();
        aes.Key = _derived.GetOrAdd(keyId, id => keys.Value.Derive(id, Label)!);
        return aes;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> _derived = new(StringComparer.Ordinal);
}
