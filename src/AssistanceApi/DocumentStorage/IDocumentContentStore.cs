namespace AssistanceApi.DocumentStorage;

/// <summary>A stored object: its SHA-256 (its address) and when it was last written.</summary>
public sealed record StoredObject(string Sha256, DateTimeOffset LastModified);

/// <summary>
/// Where the bytes of documents live, addressed by their SHA-256, so identical content is stored once. An upload is
/// first staged (streamed to a local file while hashed), then <see cref="SaveAsync"/> makes it durable under its
/// address; only after that does the metadata row commit. Objects no row names are removed by the orphan sweeper.
/// </summary>
public interface IDocumentContentStore
{
    /// <summary>Local folder uploads are staged in (for the filesystem store, on the same filesystem, so a rename moves them).</summary>
    string StagingFolder { get; }

    /// <summary>Makes the staged content durable under its SHA-256; returns once it is (fsync, or the S3 PUT completed).</summary>
    Task SaveAsync(StagedContent staged, CancellationToken ct);

    /// <summary><paramref name="length"/> bytes of the object from <paramref name="offset"/>.</summary>
    Task<Stream> OpenReadAsync(string sha256, long offset, long length, CancellationToken ct);

    IAsyncEnumerable<StoredObject> ListAsync(CancellationToken ct);

    Task DeleteAsync(string sha256, CancellationToken ct);
}
