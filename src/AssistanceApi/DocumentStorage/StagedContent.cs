namespace AssistanceApi.DocumentStorage;

/// <summary>
/// An upload received into a local staging file: its SHA-256, its size and its first bytes (for the magic-byte check).
/// Disposing deletes the staging file if the store has not taken it: an upload that fails leaves nothing behind.
/// </summary>
public sealed class StagedContent(string path, string sha256, long size, byte[] head) : IDisposable
{
    public string Path { get; } = path;
    public string Sha256 { get; } = sha256;
    public long Size { get; } = size;

    /// <summary>The first bytes of the content (up to <see cref="ContentIntake.HeadBytes"/>).</summary>
    public ReadOnlyMemory<byte> Head { get; } = head;

    public void Dispose()
    {
        try { File.Delete(Path); }
        catch (IOException) { /* left to the sweeper, which removes staging files older than the grace period */ }
    }
}
