namespace AssistanceApi.Domain;

/// <summary>A State as the treaty rules see it: its standing under the Convention and what it has notified or declared.</summary>
public sealed record State
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public ConventionStatusKind ConventionStatus { get; init; }
    public DateOnly? InForceOn { get; init; }

    /// <summary>A central authority to receive requests for mutual legal assistance (Art. 40(13)).</summary>
    public bool HasCentralAuthority { get; init; }

    /// <summary>A point of contact available 24/7 (Art. 41).</summary>
    public bool HasContactPoint { get; init; }

    /// <summary>The languages it accepts requests in (Art. 40(14)).</summary>
    public IReadOnlyList<string> AcceptedLanguages { get; init; } = [];

    public Declarations Declarations { get; init; } = new();

    public bool IsPartyInForceOn(DateOnly day) =>
        ConventionStatus == ConventionStatusKind.Party && InForceOn is { } inForce && inForce <= day;
}
