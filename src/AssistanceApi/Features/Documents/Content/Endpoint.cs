using AssistanceApi.Auth;
using AssistanceApi.DocumentStorage;
using AssistanceApi.Features.Requests;
using AssistanceApi.Http;
using FastEndpoints;
using Microsoft.Net.Http.Headers;

namespace AssistanceApi.Features.Documents.Content;

/// <summary>
/// The bytes, streamed from the content store: Content-Type as recorded (and nosniff), Content-Length, Repr-Digest and
/// ETag (the SHA-256), Content-Disposition: attachment with a safe name; one Range → 206, none it has → 416.
/// </summary>
public sealed class Endpoint(IMediator mediator, IDocumentContentStore store) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Get("/requests/{id}/documents/{docId}/content");
        Roles(ClientRoles.CentralAuthority, ClientRoles.ContactPoint);
        Description(b => b.Produces(200, typeof(Stream), MediaTypes.OctetStream).Produces(206, typeof(Stream), MediaTypes.OctetStream)
            .ProducesProblems(400, 401, 403, 404, 416));
        Summary(s =>
        {
            s.Summary = "Download a document";
            s.Description = "Streams the document as stored. Each download (a Range too) is recorded in the document's custody log first. " +
                            "Repr-Digest and ETag carry its SHA-256; Range: bytes=a-b gives 206, a range beyond the end 416; with If-Range, the " +
                            "Range holds only if it names that ETag (else the whole document, 200).";
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var (document, range) = await mediator.Send(
            new RecordDownloadCommand(this.Caller(), this.RequestId(), this.DocumentId(), HttpContext.Request.Headers.Range.ToString(),
                HttpContext.Request.Headers.IfRange.ToString()), ct);
        var response = HttpContext.Response;
        response.Headers.AcceptRanges = "bytes";
        response.Headers.ETag = $"\"{document.Sha256}\"";
        response.Headers[ReprDigest.Header] = ReprDigest.Format(document.Sha256);
        if (range is Unsatisfiable)
        {
            response.Headers.ContentRange = $"bytes */{document.Size}";
            await ProblemWriter.WriteAsync(HttpContext, new Problem
            {
                Title = "Range Not Satisfiable", Status = 416, Type = Problems.TypeFor("range-not-satisfiable"),
                Detail = $"The document has {document.Size} bytes; the range asked for starts beyond them.",
            });
            return;
        }

        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(document.Name);
        response.Headers.ContentDisposition = disposition.ToString();
        response.ContentType = document.MediaType;
        var (from, length) = range is Part part ? (part.From, part.Length) : (0L, document.Size);
        if (range is Part p)
        {
            response.StatusCode = StatusCodes.Status206PartialContent;
            response.Headers.ContentRange = $"bytes {p.From}-{p.To}/{p.Size}";
        }
        response.ContentLength = length;
        await using var content = await store.OpenReadAsync(document.Sha256, from, length, ct);
        await StreamOut.CopyAsync(content, response.BodyWriter, ct);
        Telemetry.AssistanceMetrics.DocumentTransferred("out", length);
    }
}
