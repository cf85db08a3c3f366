using System.Buffers.Binary;
using System.Numerics;
using AssistanceApi.Persistence;

namespace AssistanceApi.Tests.Persistence;

/// <summary>
/// Ids created in the same millisecond still sort in creation order, yet none is derived from another:
/// two States' creates in one millisecond must not get ids that differ by one.
/// </summary>
public sealed class IdsTests
{
    private static readonly DateTimeOffset SameMillisecond = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private const int Count = 10_000; // more than one millisecond's counter holds

    private static List<Guid> Take(int count) => Enumerable.Range(0, count).Select(_ => Ids.Next(SameMillisecond)).ToList();

    private static ulong RandB(Guid id) => BinaryPrimitives.ReadUInt64BigEndian(id.ToByteArray(bigEndian: true).AsSpan(8)) & 0x3FFF_FFFF_FFFF_FFFF;

    [Fact]
    public void Ids_of_one_millisecond_strictly_increase()
    {
        var ids = Take(Count);

        for (var i = 1; i < ids.Count; i++)
            Assert.True(string.CompareOrdinal(ids[i - 1].ToString(), ids[i].ToString()) < 0, $"{ids[i - 1]} then {ids[i]}");
    }

    [Fact]
    public void Every_id_is_a_version_7_uuid_of_the_rfc_variant()
    {
        foreach (var id in Take(Count))
        {
            Assert.Equal(7, id.Version);
            var bytes = id.ToByteArray(bigEndian: true);
            Assert.Equal(0x80, bytes[8] & 0xC0);
        }
    }

    [Fact]
    public void An_id_does_not_follow_from_the_one_before()
    {
        var ids = Take(Count);

        var successors = 0;
        var flippedBits = 0L;
        for (var i = 1; i < ids.Count; i++)
        {
            var (before, after) = (RandB(ids[i - 1]), RandB(ids[i]));
            if (after == before + 1) successors++;
            flippedBits += BitOperations.PopCount(before ^ after);
        }

        // Fresh random tails: equal-plus-one has odds of 2^-62, and about half of 62 bits differ.
        Assert.Equal(0, successors);
        var meanFlipped = (double)flippedBits / (ids.Count - 1);
        Assert.InRange(meanFlipped, 27.0, 35.0);
    }
}
