using System.Buffers.Binary;
using System.Security.Cryptography;

namespace AssistanceApi.Persistence;

/// <summary>
/// UUIDv7 ids that strictly increase within this process. Lists page by id, and a version-7 id holds only
/// milliseconds: two ids of the same millisecond would otherwise sort at random.
/// </summary>
/// <remarks>
/// RFC 9562 §6.2, method 1: the 12 bits of rand_a are a counter, started at a random value in each new millisecond
/// and counting up within it (past 4095 the id borrows the next millisecond). rand_b, the last 62 bits, is fresh
/// randomness for every id: no id is derived from another, so neighbouring ids tell nothing about each other.
/// </remarks>
public static class Ids
{
    private const int CounterMax = 0xFFF;
    /// <summary>A millisecond's counter starts in the lower half, so at least 2048 ids fit in it.</summary>
    private const int CounterSeedLimit = (CounterMax + 1) / 2;

    private static readonly Lock Gate = new();
    private static long _lastMilliseconds = long.MinValue;
    private static int _counter;

    public static Guid Next(DateTimeOffset now)
    {
        long milliseconds;
        int counter;
        lock (Gate)
        {
            var at = now.ToUnixTimeMilliseconds();
            if (at > _lastMilliseconds)
            {
                _lastMilliseconds = at;
                _counter = RandomNumberGenerator.GetInt32(CounterSeedLimit);
            }
            else if (_counter < CounterMax)
                _counter++;
            else
            {
                _lastMilliseconds++;
                _counter = RandomNumberGenerator.GetInt32(CounterSeedLimit);
            }
            milliseconds = _lastMilliseconds;
            counter = _counter;
        }

        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes[8..]);
        BinaryPrimitives.WriteInt64BigEndian(bytes, milliseconds << 16);
        bytes[6] = (byte)(0x70 | (counter >> 8));
        bytes[7] = (byte)counter;
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}
