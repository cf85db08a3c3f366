using AssistanceApi.Domain;
using AssistanceApi.Persistence.Documents;

namespace AssistanceApi.Features.States;

// Stored as a StateDocument of the same JSON (Persistence owns that shape); this is the wire's.
/// <summary>One State in the directory, as stored and as sent.</summary>
public sealed class StateEntry
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required ConventionStatus Convention { get; init; }
    public Office? CentralAuthority { get; init; }
    public Office? ContactPoint { get; init; }
    public IReadOnlyList<string> AcceptedLanguages { get; init; } = [];
    public required Declarations Declarations { get; init; }
    public string? Source { get; init; }
    public required DateOnly AsOf { get; init; }

    public static StateEntry From(StateDocument d) => new()
    {
        Code = d.Code, Name = d.Name,
        Convention = new ConventionStatus { Status = d.Convention.Status, SignedOn = d.Convention.SignedOn, RatifiedOn = d.Convention.RatifiedOn, InForceOn = d.Convention.InForceOn },
        CentralAuthority = Office.From(d.CentralAuthority), ContactPoint = Office.From(d.ContactPoint), AcceptedLanguages = d.AcceptedLanguages,
        Declarations = new Declarations
        {
            RequiresDualCriminality = d.Declarations.RequiresDualCriminality,
            AcceptsRealTimeTrafficCollection = d.Declarations.AcceptsRealTimeTrafficCollection,
            AcceptsContentInterception = d.Declarations.AcceptsContentInterception,
            RequiresRequestLetter = d.Declarations.RequiresRequestLetter,
        },
        Source = d.Source, AsOf = d.AsOf,
    };

    public StateDocument ToDocument() => new()
    {
        Code = Code, Name = Name,
        Convention = new ConventionDocument { Status = Convention.Status, SignedOn = Convention.SignedOn, RatifiedOn = Convention.RatifiedOn, InForceOn = Convention.InForceOn },
        CentralAuthority = CentralAuthority?.ToDocument(), ContactPoint = ContactPoint?.ToDocument(), AcceptedLanguages = AcceptedLanguages,
        Declarations = new DeclarationsDocument
        {
            RequiresDualCriminality = Declarations.RequiresDualCriminality,
            AcceptsRealTimeTrafficCollection = Declarations.AcceptsRealTimeTrafficCollection,
            AcceptsContentInterception = Declarations.AcceptsContentInterception,
            RequiresRequestLetter = Declarations.RequiresRequestLetter,
        },
        Source = Source, AsOf = AsOf,
    };
}

public sealed class ConventionStatus
{
    public ConventionStatusKind Status { get; init; }
    public DateOnly? SignedOn { get; init; }
    public DateOnly? RatifiedOn { get; init; }
    public DateOnly? InForceOn { get; init; }
}

public sealed class Office
{
    public required string Name { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }

    public static Office? From(OfficeDocument? d) => d is null ? null : new Office { Name = d.Name, Email = d.Email, Phone = d.Phone };

    public OfficeDocument ToDocument() => new() { Name = Name, Email = Email, Phone = Phone };
}
