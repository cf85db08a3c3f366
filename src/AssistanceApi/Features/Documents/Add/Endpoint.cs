using AssistanceApi.Auth;
using AssistanceApi.DocumentStorage;
using AssistanceApi.Features.Requests;
using AssistanceApi.Http;
using FastEndpoints;
using Microsoft.AspNetCore.Http.Features;

namespace AssistanceApi.Features.Documents.Add;

/// <summary>
/// One document per call, the raw body streamed to the content store while it is hashed (never whole in memory). The
/// order is the guarantee: who may add it is checked before the body is read; the bytes are durable before the row
/// commits; the 201 comes after the commit. Anything refused on the way leaves nothing behind.
/// </summary>
public sealed class Endpoint(IMediator mediator, IDocumentContentStore store, DocumentStorageOptions options) : EndpointWithoutRequest<DocumentView>
{
    public override void Configure()
    {
        Post("/requests/{id}/documents");
        Roles(ClientRoles.CentralAuthority, ClientRoles.ContactPoint);
        Options(b => b.WithMetadata(new StreamedBody()));
        Description(b => b.Produces<DocumentView>(201).ProducesProblems(400, 401, 403, 404, 409, 413, 415, 422));
        Summary(s =>
        {
            s.Summary = "Attach a document to a request";
            s.Description =
                "The body is the file itself (not multipart), Content-Type its media type, Content-Disposition: attachment; filename=\"…\". " +
                "?purpose=request-letter|translation|supporting (requesting State, while the request is open) or evidence|execution-record " +
                "(requested State, while it executes the request); ?language= (ISO 639-1) for letters and translations. An optional " +
                "Repr-Digest: sha-256=:<base64>: (RFC 9530) is checked against what arrived (422 if it differs). The media type must match " +
                "the file's first bytes (415). Larger than Documents:MaxBytes: 413. The 201 means the bytes are durable and the document recorded.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var caller = this.Caller();
        var requestId = this.RequestId();
        var upload = UploadDescription.Read(HttpContext.Request);
        var room = await mediator.Send(new AdmitUploadQuery(caller, requestId, upload.Purpose), ct);
        var limit = room < options.MaxBytes ? room : options.MaxBytes;
        if (HttpContext.Request.ContentLength > limit) throw Refused(room);
        // One byte past the limit must arrive for this API to see it and answer 413 itself.
        if (HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit + 1;

        var intake = await ContentIntake.ReceiveAsync(HttpContext.Request.Body, store.StagingFolder, limit, ct);
        if (intake is not Received { Content: var staged }) throw Refused(room);
        using (staged)
        {
            switch (MediaTypes.Check(upload.MediaType, upload.Purpose, staged.Head))
            {
                case MediaTypeVerdict.NotAllowed: throw UploadProblems.NotAllowed(upload.MediaType);
                case MediaTypeVerdict.Contradicted: throw UploadProblems.Contradicted(upload.MediaType);
            }
            if (upload.ExpectedSha256 is { } expected && expected != staged.Sha256) throw UploadProblems.DigestMismatch(expected, staged.Sha256);

            await store.SaveAsync(staged, ct);
            var document = await mediator.Send(new AddDocumentCommand(caller, requestId, upload, staged.Sha256, staged.Size), ct);
            HttpContext.Response.Headers[ReprDigest.Header] = ReprDigest.Format(document.Sha256);
            HttpContext.Response.Headers.Location = $"/api/v1/requests/{requestId}/documents/{document.Id}";
            Telemetry.AssistanceMetrics.DocumentTransferred("in", staged.Size);
            await Send.ResponseAsync(document, StatusCodes.Status201Created, ct);
        }
    }

    /// <summary>Over the per-document limit, or over what the request's total leaves.</summary>
    private ApiProblemException Refused(long room) =>
        room < options.MaxBytes ? UploadProblems.RequestFull(options.MaxRequestBytes) : UploadProblems.TooLarge(options.MaxBytes);
}
