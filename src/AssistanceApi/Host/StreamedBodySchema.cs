using AssistanceApi.Http;
using NJsonSchema;
using NSwag;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace AssistanceApi.Host;

/// <summary>
/// Describes what an endpoint that streams its raw body (<see cref="StreamedBody"/>: the document upload) takes, which
/// no request type says: the file as a binary body of each allowed media type, ?purpose and ?language, the
/// Content-Disposition naming it and an optional Repr-Digest. So Swagger UI offers a file picker and sends the file;
/// and a download's application/octet-stream response as binary.
/// </summary>
public sealed class StreamedBodySchema : IOperationProcessor, IDocumentProcessor
{
    /// <summary>The Stream type the download's binary response replaced describes nothing a client receives.</summary>
    public void Process(DocumentProcessorContext context) => context.Document.Components.Schemas.Remove(nameof(Stream));

    public bool Process(OperationProcessorContext context)
    {
        // A download's body is the file: a binary string, which Swagger UI offers to save.
        foreach (var response in context.OperationDescription.Operation.Responses.Values)
            if (response.Content.TryGetValue(Features.Documents.MediaTypes.OctetStream, out var download))
                download.Schema = new JsonSchema { Type = JsonObjectType.String, Format = JsonFormatStrings.Binary };

        if (context is not AspNetCoreOperationProcessorContext aspNet
            || !aspNet.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<StreamedBody>().Any())
            return true;

        var operation = context.OperationDescription.Operation;
        var body = new OpenApiRequestBody { IsRequired = true, Description = "The file itself, as its media type (not multipart/form-data)." };
        foreach (var mediaType in Features.Documents.MediaTypes.Allowed)
            body.Content[mediaType] = new OpenApiMediaType { Schema = new JsonSchema { Type = JsonObjectType.String, Format = JsonFormatStrings.Binary } };
        operation.RequestBody = body;

        var purpose = new JsonSchema { Type = JsonObjectType.String };
        foreach (var name in new[] { "request-letter", "translation", "supporting", "evidence", "execution-record" }) purpose.Enumeration.Add(name);
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "purpose", Kind = OpenApiParameterKind.Query, IsRequired = true, Schema = purpose,
            Description = "request-letter, translation, supporting (requesting State); evidence, execution-record (requested State).",
        });
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "language", Kind = OpenApiParameterKind.Query, Schema = new JsonSchema { Type = JsonObjectType.String, MinLength = 2, MaxLength = 2 },
            Description = "ISO 639-1 code of the document's language; required for request-letter and translation.",
        });
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "Content-Disposition", Kind = OpenApiParameterKind.Header, IsRequired = true, Schema = new JsonSchema { Type = JsonObjectType.String },
            Description = "attachment; filename=\"letter.pdf\" (or filename*=UTF-8''…): the document's name.",
        });
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "Repr-Digest", Kind = OpenApiParameterKind.Header, Schema = new JsonSchema { Type = JsonObjectType.String },
            Description = "Optional RFC 9530 digest of the file, sha-256=:<base64>:; a mismatch is 422 and nothing is kept.",
        });
        return true;
    }
}
