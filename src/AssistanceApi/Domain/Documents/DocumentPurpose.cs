namespace AssistanceApi.Domain.Documents;

/// <summary>
/// Why a document is part of a request: the requesting State's letter of request, its translation (Art. 40(14)) and
/// supporting papers; the requested State's evidence and its record of execution.
/// </summary>
public enum DocumentPurpose { RequestLetter, Translation, Supporting, Evidence, ExecutionRecord }

/// <summary>A document as the treaty rules see it: what it is for, its language, whether a later one replaced it.</summary>
public sealed record AttachedDocument(DocumentPurpose Purpose, string? Language, bool Superseded)
{
    public bool Current => !Superseded;
}
