using AssistanceApi.Domain;
using AssistanceApi.Domain.Documents;
using AssistanceApi.Features.States;
using AssistanceApi.Http;

namespace AssistanceApi.Features.Documents.Add;

/// <summary>
/// What an upload says about itself, from its headers and query: <c>?purpose=</c>, <c>?language=</c> (ISO 639-1; required
/// for letters and translations), <c>Content-Type</c>, <c>Content-Disposition: attachment; filename="…"</c> and an
/// optional <c>Repr-Digest</c>. Every fault is a 400 naming the header or parameter, before a byte of the body is read.
/// </summary>
public sealed record UploadDescription(DocumentPurpose Purpose, string? Language, string Name, string MediaType, string? ExpectedSha256)
{
    public static UploadDescription Read(HttpRequest request)
    {
        var errors = new List<ProblemError>();
        foreach (var key in request.Query.Keys.Where(k => k is not ("purpose" or "language")))
            errors.Add(new ProblemError(key, "unknown query parameter: only purpose and language are taken.", "unknown-field"));

        var purposeText = request.Query["purpose"].ToString();
        var purpose = KebabCase.Find<DocumentPurpose>(purposeText);
        if (purpose is null)
            errors.Add(purposeText.Length == 0
                ? new ProblemError("purpose", "required: request-letter, translation, supporting, evidence or execution-record.", "required")
                : JsonFieldErrors.NotAnEnumValue("purpose", typeof(DocumentPurpose), purposeText));

        var language = request.Query["language"].ToString() is { Length: > 0 } given ? given : null;
        if (language is not null && !IsoLanguages.Codes.Contains(language))
            errors.Add(new ProblemError("language", IsoLanguages.LanguageReason, IsoLanguages.InvalidCode));
        if (language is null && purpose is DocumentPurpose.RequestLetter or DocumentPurpose.Translation)
            errors.Add(new ProblemError("language", "required for a request-letter or a translation: the ISO 639-1 code of its language.", "required"));

        var name = FileNames.Read(request.Headers.ContentDisposition, errors);

        var mediaType = MediaTypes.Bare(request.ContentType);
        if (mediaType is null) errors.Add(new ProblemError("Content-Type", "required: the document's media type.", "required"));

        var expected = ReprDigest.Sha256Of(request.Headers[ReprDigest.Header]);
        if (errors.Count > 0) throw Problems.BadRequest("The upload does not say what it is; nothing was read or kept.", errors);
        return new UploadDescription(purpose!.Value, language, name!, mediaType!, expected);
    }
}
