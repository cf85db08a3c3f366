using System.Buffers.Binary;
using System.Buffers.Text;
using System.Text;
using AssistanceApi.Audit;
using AssistanceApi.Features.Events.List;

namespace AssistanceApi.Tests.Features.Events.List;

/// <summary>
/// The feed's cursor tells a client nothing: positions count every State's events, so a readable one would say how
/// many events a State may not see happened between two of its own.
/// </summary>
public sealed class FeedCursorTests
{
    private const string Key = "feed-cursor-test-key-0123456789abcdef", OtherKey = "another-chain-key-0123456789abcdefgh";

    private static FeedCursor Under(string current, params string[] previous) => new(new Lazy<ChainKeys>(() => new ChainKeys(current, previous)));

    [Theory]
    [InlineData(1L)]
    [InlineData(22L)]
    [InlineData(long.MaxValue)]
    public void A_cursor_opens_to_its_position(long position)
    {
        var cursors = Under(Key);

        Assert.Equal(FeedCursor.Reading.Opened, cursors.Read(cursors.Encode(position), out var opened));
        Assert.Equal(position, opened);
    }

    [Fact]
    public void A_cursor_holds_its_position_in_no_readable_form()
    {
        var cursors = Under(Key);
        var bytes = Base64Url.DecodeFromChars(cursors.Encode(22));
        Span<byte> bigEndian = stackalloc byte[8], littleEndian = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bigEndian, 22);
        BinaryPrimitives.WriteInt64LittleEndian(littleEndian, 22);

        Assert.Equal(16, bytes.Length);
        Assert.DoesNotContain("22", Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
        Assert.True(bytes.AsSpan().IndexOf(bigEndian[4..]) < 0 && bytes.AsSpan().IndexOf(littleEndian[..4]) < 0);
        // Neighbouring positions give unrelated cursors: no count can be read off their difference.
        var next = Base64Url.DecodeFromChars(cursors.Encode(23));
        var differing = bytes.Zip(next).Sum(pair => byte.PopCount((byte)(pair.First ^ pair.Second)));
        Assert.InRange(differing, 32, 96);
    }

    [Fact]
    public void The_same_position_gives_the_same_cursor_so_an_idle_feed_hands_back_what_it_was_given() =>
        Assert.Equal(Under(Key).Encode(40), Under(Key).Encode(40));

    [Fact]
    public void A_cursor_changed_in_one_character_cannot_be_opened()
    {
        var own = Under(Key).Encode(22);

        // A character in the middle carries six bits of the block, none of them padding.
        Assert.Equal(FeedCursor.Reading.Unopenable, Under(Key).Read(own[..10] + (own[10] == 'A' ? 'B' : 'A') + own[11..], out _));
    }

    [Theory]
    [InlineData("p22", FeedCursor.Reading.Unopenable)]
    [InlineData("p0", FeedCursor.Reading.NotACursor)]
    [InlineData("p-3", FeedCursor.Reading.NotACursor)]
    [InlineData("x12", FeedCursor.Reading.NotACursor)]
    public void A_position_in_clear_is_told_from_text_that_was_never_a_cursor(string text, FeedCursor.Reading reading) =>
        Assert.Equal(reading, Under(Key).Read(Base64Url.EncodeToString(Encoding.ASCII.GetBytes(text)), out _));

    [Fact]
    public void A_sealed_cursor_under_a_key_no_longer_configured_cannot_be_opened() =>
        Assert.Equal(FeedCursor.Reading.Unopenable, Under(Key).Read(Under(OtherKey).Encode(22), out _));

    [Fact]
    public void A_cursor_sealed_before_the_chain_key_was_rotated_still_opens()
    {
        var before = Under(OtherKey).Encode(22);

        Assert.Equal(FeedCursor.Reading.Opened, Under(Key, OtherKey).Read(before, out var position));
        Assert.Equal(22, position);
    }

    [Fact]
    public void No_cursor_is_the_start() => Assert.True(Under(Key).Read(null, out var position) == FeedCursor.Reading.Opened && position == 0);
}
