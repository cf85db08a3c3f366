namespace AssistanceApi.DocumentStorage;

/// <summary>At most <c>length</c> bytes of a stream (a Range of a file); disposes the stream under it.</summary>
internal sealed class BoundedStream(Stream inner, long limit) : Stream
{
    private readonly long _length = limit;
    private long _left = limit;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
    {
        if (_left <= 0) return 0;
        var read = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, _left)], ct);
        _left -= read;
        return read;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_left <= 0) return 0;
        var read = inner.Read(buffer, offset, (int)Math.Min(count, _left));
        _left -= read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) => ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync() => inner.DisposeAsync();

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => _length;
    public override long Position { get => _length - _left; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
