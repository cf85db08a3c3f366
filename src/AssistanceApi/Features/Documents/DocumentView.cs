using System.Text.Json.Serialization;
using AssistanceApi.Domain.Documents;

namespace AssistanceApi.Features.Documents;

/// <summary>A document's metadata as the API shows it; the bytes are at <c>…/documents/{id}/content</c>.</summary>
public sealed class DocumentView
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public string MediaType { get; init; } = "";
    public long Size { get; init; }

    /// <summary>SHA-256 of the content, lowercase hex.</summary>
    public string Sha256 { get; init; } = "";

    public DocumentPurpose Purpose { get; init; }

    /// <summary>ISO 639-1; for letters and translations.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Language { get; init; }

    public required DocumentActor AddedBy { get; init; }
    public DateTimeOffset AddedAt { get; init; }

    /// <summary>Set once a later document replaced it; it stays listed and downloadable.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Supersession? Superseded { get; init; }
}

public sealed class DocumentActor
{
    public string State { get; init; } = "";
    public string Role { get; init; } = "";
}

public sealed class Supersession
{
    public DateTimeOffset At { get; init; }
    public string ByState { get; init; } = "";
    public string Reason { get; init; } = "";
}
