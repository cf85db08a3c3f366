namespace AssistanceApi.Domain;

public enum ConventionStatusKind { None, Signatory, Party }

/// <summary>What a State has declared; null where nothing is known.</summary>
public sealed class Declarations
{
    public bool? RequiresDualCriminality { get; init; }
    public bool? AcceptsRealTimeTrafficCollection { get; init; }
    public bool? AcceptsContentInterception { get; init; }

    /// <summary>Requests must come with a signed letter of request as a document (Art. 40(14): authenticity).</summary>
    public bool? RequiresRequestLetter { get; init; }
}
