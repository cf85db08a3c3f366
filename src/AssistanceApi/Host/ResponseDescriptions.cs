using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace AssistanceApi.Host;

/// <summary>
/// What a response means, for the statuses FastEndpoints leaves undescribed (Swagger UI would show an empty line).
/// An endpoint's own wording (<c>s.Responses[status]</c>) stays.
/// </summary>
public sealed class ResponseDescriptions : IDocumentProcessor
{
    private static readonly Dictionary<string, string> Meanings = new()
    {
        ["206"] = "Partial Content: the byte range asked for with Range.",
        ["304"] = "Not Modified: If-None-Match names the current version; no body, the ETag header repeats it.",
        ["409"] = "Conflict: the resource's current state does not allow this; the problem says why (for a request, allowedActions lists what is possible now).",
        ["412"] = "Precondition Failed: If-Match names a version that is no longer current; read the resource again and retry.",
        ["413"] = "Content Too Large: the body is larger than this operation accepts.",
        ["415"] = "Unsupported Media Type: the body's Content-Type is not one this operation takes.",
        ["416"] = "Range Not Satisfiable: the Range lies outside the content.",
        ["422"] = "Unprocessable Content: well-formed, but the treaty or the lifecycle rules reject it; errors name each reason and its field.",
    };

    public void Process(DocumentProcessorContext context)
    {
        foreach (var operation in context.Document.Operations.Select(o => o.Operation))
            foreach (var (status, response) in operation.Responses)
                if (string.IsNullOrEmpty(response.Description) && Meanings.TryGetValue(status, out var meaning)) response.Description = meaning;
    }
}
