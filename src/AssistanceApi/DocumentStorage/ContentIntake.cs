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
    private const int BufferBytes = 128 * 1024;

    public static async Task<Intake> ReceiveAsync(Stream body, string stagingFolder, long maxBytes, CancellationToken ct)
    {
        Directory.CreateDirectory(stagingFolder);
        var path = Path.Combine(stagingFolder, $"upload-{Guid.NewGuid():N}.part");
        var kept = false;
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var head = new byte[HeadBytes];
            var headLength = 0;
            long size = 0;
            var buffer = new byte[BufferBytes];
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous))
            {
                int read;
                while ((read = await body.ReadAsync(buffer, ct)) > 0)
                {
                    size += read;
                    if (size > maxBytes) return new TooLarge(maxBytes);
                    if (headLength < HeadBytes)
                    {
                        var take = Math.Min(read, HeadBytes - headLength);
                        buffer.AsSpan(0, take).CopyTo(head.AsSpan(headLength));
                        headLength += take;
                    }
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }
            kept = true;
            return new Received(new StagedContent(path, Convert.ToHexStringLower(hash.GetHashAndReset()), size, head[..headLength]));
        }
        finally
        {
            if (!kept) TryDelete(path);
        }
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { /* the sweeper removes stale staging files */ }
    }
}
