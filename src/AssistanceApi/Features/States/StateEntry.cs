using AssistanceApi.Domain;

namespace AssistanceApi.Features.States;

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

    public bool IsPartyInForceOn(DateOnly day) =>
        Convention.Status == ConventionStatusKind.Party && Convention.InForceOn is { } inForce && inForce <= day;
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
}

