using System.Runtime.CompilerServices;

namespace AssistanceApi.DocumentStorage;

/// <summary>
/// Content-addressed files under <c>Documents:Path</c>: <c>objects/ab/abcdef…</c> named by SHA-256. An upload is staged
/// in <c>staging/</c> on the same filesystem, fsynced, renamed to its address and the folder fsynced: after
/// <see cref="SaveAsync"/> the bytes survive a power loss. Content already stored is not written again.
/// </summary>
public sealed class FileSystemStore : IDocumentContentStore
{
    private readonly string _objects;

    public FileSystemStore(string root)
    {
        _objects = Path.Combine(root, "objects");
        StagingFolder = Path.Combine(root, "staging");
        Directory.CreateDirectory(_objects);
        Directory.CreateDirectory(StagingFolder);
    }

    public string StagingFolder { get; }

    public Task SaveAsync(StagedContent staged, CancellationToken ct)
    {
        var target = PathOf(staged.Sha256);
        if (File.Exists(target))
        {
            // Stored once: a fresh mtime keeps the sweeper off it until the row naming it has committed.
            File.SetLastWriteTimeUtc(target, DateTime.UtcNow);
            return Task.CompletedTask;
        }
        using (var file = new FileStream(staged.Path, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
            file.Flush(flushToDisk: true);
        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        File.Move(staged.Path, target, overwrite: true);
        DirectorySync.Flush(folder);
        return Task.CompletedTask;
    }

    public Task<Stream> OpenReadAsync(string sha256, long offset, long length, CancellationToken ct)
    {
        var file = new FileStream(PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
        file.Seek(offset, SeekOrigin.Begin);
        return Task.FromResult<Stream>(new BoundedStream(file, length));
    }

    public async IAsyncEnumerable<StoredObject> ListAsync([EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var path in Directory.EnumerateFiles(_objects, "*", SearchOption.AllDirectories))
        {
            ct.ThrowIfCancellationRequested();
            var name = Path.GetFileName(path);
            if (!Sha256Address.IsValid(name)) continue;
            yield return new StoredObject(name, File.GetLastWriteTimeUtc(path));
        }
        await Task.CompletedTask;
    }

    public Task DeleteAsync(string sha256, CancellationToken ct)
    {
        File.Delete(PathOf(sha256));
        return Task.CompletedTask;
    }

    private string PathOf(string sha256) => Path.Combine(_objects, Sha256Address.Check(sha256)[..2], sha256);
}

/// <summary>A stored object's address: 64 lowercase hex digits, never a path.</summary>
public static class Sha256Address
{
    public static bool IsValid(string value) => value.Length == 64 && value.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    public static string Check(string value) => IsValid(value) ? value : throw new ArgumentException("Not a SHA-256 address.", nameof(value));
}
