namespace AssistanceApi.Persistence;

/// <summary>
/// UUIDv7 ids that strictly increase within this process. Lists page by id, and a version-7 id holds only
/// milliseconds: two ids of the same millisecond would otherwise sort at random.
/// </summary>
public static class Ids
{
    private static readonly Lock Gate = new();
    private static Guid _last;

    public static Guid Next(DateTimeOffset now)
    {
        var candidate = Guid.CreateVersion7(now);
        lock (Gate)
        {
            if (string.CompareOrdinal(candidate.ToString(), _last.ToString()) <= 0)
                candidate = Increment(_last);
            _last = candidate;
            return candidate;
        }
    }

    /// <summary>Adds one to the random tail (the last 62 bits), leaving the time, version and variant bits alone.</summary>
    private static Guid Increment(Guid id)
    {
        var bytes = id.ToByteArray(bigEndian: true);
        for (var i = 15; i >= 8; i--)
        {
            var limit = i == 8 ? 0x3F : 0xFF;
            var low = bytes[i] & limit;
            if (low < limit)
            {
                bytes[i] = (byte)((bytes[i] & ~limit) | (low + 1));
                return new Guid(bytes, bigEndian: true);
            }
            bytes[i] = (byte)(bytes[i] & ~limit);
        }
        return new Guid(bytes, bigEndian: true);
    }
}
