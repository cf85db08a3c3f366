using System.IO.Pipelines;

namespace AssistanceApi.Features.Documents.Content;

/// <summary>
/// Copies stored content straight into the response's pipe: each read lands in the memory Kestrel sends from, so
/// a download is read once and not copied again on its way to the socket.
/// </summary>
internal static class StreamOut
{
    private const int Chunk = 256 * 1024;

    public static async Task CopyAsync(Stream content, PipeWriter response, CancellationToken ct)
    {
        while (true)
        {
            var memory = response.GetMemory(Chunk);
            var read = await content.ReadAsync(memory, ct);
            if (read == 0) break;
            response.Advance(read);
            var flushed = await response.FlushAsync(ct);
            if (flushed.IsCanceled || flushed.IsCompleted) break;
        }
    }
}
