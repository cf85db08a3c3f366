namespace AssistanceApi.Http;

/// <summary>
/// Endpoint metadata: the endpoint reads its raw body itself, as a stream (a document upload), with its own media
/// types and size limit. The body rules, the JSON budget and the Idempotency-Key fingerprint, which would read or
/// buffer it whole, leave it alone; its query parameters are its input.
/// </summary>
public sealed class StreamedBody
{
    public static bool On(HttpContext http) => http.GetEndpoint()?.Metadata.GetMetadata<StreamedBody>() is not null;
}
