using System.Buffers;
using System.Security.Cryptography;

namespace AssistanceApi.DocumentStorage;

/// <summary>What reading an upload ended with: the staged content, or that it passed the size limit.</summary>
public abstract record Intake;

public sealed record Received(StagedContent Content) : Intake;

/// <summary>More than the limit arrived; reading stopped there and nothing was kept.</summary>
public sealed record TooLarge(long Limit) : Intake;

/// <summary>
/// Streams a request body into a staging file with a bounded buffer, hashing as it goes: memory stays at one buffer
/// whatever the size. Stops as soon as one byte more than the limit has arrived.
/// </summary>
public static class ContentIntake
{
    public const int HeadBytes = 1024;
    // Large, filled before it is hashed and written: few write calls for a big upload, one buffer per upload in memory.
    private const int BufferBytes = 1024 * 1024;
    // Write-back is started every so many bytes, so the fsync after the last byte has little left to flush.
    private const long WritebackEvery = 8 * 1024 * 1024;

    public static async Task<Intake> ReceiveAsync(Stream body, string stagingFolder, long maxBytes, CancellationToken ct)
    {
        Directory.CreateDirectory(stagingFolder);
        var path = Path.Combine(stagingFolder, $"upload-{Guid.NewGuid():N}.part");
        var kept = false;
        var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var head = new byte[HeadBytes];
            var headLength = 0;
            long size = 0, startedWriteback = 0;
            using (var file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                while (true)
                {
                    var filled = await FillAsync(body, buffer.AsMemory(0, BufferBytes), ct);
                    if (filled == 0) break;
                    if (size + filled > maxBytes) return new TooLarge(maxBytes);
                    if (headLength < HeadBytes)
                    {
                        var take = Math.Min(filled, HeadBytes - headLength);
                        buffer.AsSpan(0, take).CopyTo(head.AsSpan(headLength));
                        headLength += take;
                    }
                    hash.AppendData(buffer, 0, filled);
                    // A page-cache write: synchronous, as the thread would only wait for the pool's async file I/O.
                    RandomAccess.Write(file, buffer.AsSpan(0, filled), size);
                    size += filled;
                    if (size - startedWriteback >= WritebackEvery)
                    {
                        Writeback.Start(file, startedWriteback, size - startedWriteback);
                        startedWriteback = size;
                    }
                }
            }
            kept = true;
            return new Received(new StagedContent(path, Convert.ToHexStringLower(hash.GetHashAndReset()), size, head[..headLength]));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (!kept) TryDelete(path);
        }
    }

    /// <summary>Reads until the buffer is full or the body ends; returns how much arrived.</summary>
    private static async ValueTask<int> FillAsync(Stream body, Memory<byte> buffer, CancellationToken ct)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await body.ReadAsync(buffer[filled..], ct);
            if (read == 0) break;
            filled += read;
        }
        return filled;
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { /* the sweeper removes stale staging files */ }
    }
}
