using System.Text.Json;
using System.Text.Json.Serialization;
using AssistanceApi.Domain;
using AssistanceApi.Http;

namespace AssistanceApi.Persistence.Documents;

/// <summary>
/// The stored shape of a directory entry (the <c>states.document</c> column, and the entries of the seed files).
/// Names pinned here, so the wire's <c>StateEntry</c> and the domain's <see cref="State"/> may change apart from it.
/// </summary>
public sealed class StateDocument
{
    [JsonPropertyName("code")] public required string Code { get; init; }
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("convention")] public required ConventionDocument Convention { get; init; }
    [JsonPropertyName("centralAuthority")] public OfficeDocument? CentralAuthority { get; init; }
    [JsonPropertyName("contactPoint")] public OfficeDocument? ContactPoint { get; init; }
    [JsonPropertyName("acceptedLanguages")] public IReadOnlyList<string> AcceptedLanguages { get; init; } = [];
    [JsonPropertyName("declarations")] public required DeclarationsDocument Declarations { get; init; }
    [JsonPropertyName("source")] public string? Source { get; init; }
    [JsonPropertyName("asOf")] public required DateOnly AsOf { get; init; }

    public static StateDocument Read(string json) =>
        JsonSerializer.Deserialize<StateDocument>(json, JsonDefaults.Options) ?? throw new InvalidDataException("A stored State is null.");

    public string Write() => JsonSerializer.Serialize(this, JsonDefaults.Options);

    public State ToDomain() => new()
    {
        Code = Code, Name = Name, ConventionStatus = Convention.Status, InForceOn = Convention.InForceOn,
        HasCentralAuthority = CentralAuthority is not null, HasContactPoint = ContactPoint is not null,
        AcceptedLanguages = AcceptedLanguages,
        Declarations = new Declarations
        {
            RequiresDualCriminality = Declarations.RequiresDualCriminality,
            AcceptsRealTimeTrafficCollection = Declarations.AcceptsRealTimeTrafficCollection,
            AcceptsContentInterception = Declarations.AcceptsContentInterception,
            RequiresRequestLetter = Declarations.RequiresRequestLetter,
        },
    };
}

public sealed class ConventionDocument
{
    [JsonPropertyName("status")] public ConventionStatusKind Status { get; init; }
    [JsonPropertyName("signedOn")] public DateOnly? SignedOn { get; init; }
    [JsonPropertyName("ratifiedOn")] public DateOnly? RatifiedOn { get; init; }
    [JsonPropertyName("inForceOn")] public DateOnly? InForceOn { get; init; }
}

public sealed class OfficeDocument
{
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("email")] public string? Email { get; init; }
    [JsonPropertyName("phone")] public string? Phone { get; init; }
}

public sealed class DeclarationsDocument
{
    [JsonPropertyName("requiresDualCriminality")] public bool? RequiresDualCriminality { get; init; }
    [JsonPropertyName("acceptsRealTimeTrafficCollection")] public bool? AcceptsRealTimeTrafficCollection { get; init; }
    [JsonPropertyName("acceptsContentInterception")] public bool? AcceptsContentInterception { get; init; }
    [JsonPropertyName("requiresRequestLetter")] public bool? RequiresRequestLetter { get; init; }
}
