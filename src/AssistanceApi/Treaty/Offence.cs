namespace AssistanceApi.Treaty;

/// <summary>A Convention offence (Arts. 7–17), or the serious-crime threshold of Art. 2(h).</summary>
public sealed class Offence
{
    public required string Id { get; init; }
    public int? Article { get; init; }
    public required string Title { get; init; }
    public required string Provision { get; init; }
    public string? Summary { get; init; }
    public decimal? MinimumMaxPenaltyYears { get; init; }
}
