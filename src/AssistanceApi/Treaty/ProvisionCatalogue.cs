namespace AssistanceApi.Treaty;

/// <summary>The provisions and offences loaded at startup; rules take every citation from here.</summary>
public sealed class ProvisionCatalogue
{
    private Dictionary<string, Provision> _provisions = [];

    public IReadOnlyList<Offence> Offences { get; private set; } = [];

    public void Load(IEnumerable<Provision> provisions, IEnumerable<Offence> offences)
    {
        _provisions = provisions.ToDictionary(p => p.Id);
        Offences = offences.ToList();
    }

    public Provision this[string id] =>
        _provisions.TryGetValue(id, out var provision)
            ? provision
            : throw new KeyNotFoundException($"Provision '{id}' is not in the catalogue (seeds/provisions.json).");

    public bool Contains(string id) => _provisions.ContainsKey(id);

    public IEnumerable<string> Ids => _provisions.Keys;

    public bool IsConventionOffence(int article) => Offences.Any(o => o.Article == article);

    public decimal SeriousCrimeThresholdYears =>
        Offences.Single(o => o.Article is null).MinimumMaxPenaltyYears
        ?? throw new InvalidOperationException("seeds/offences.json gives no serious-crime threshold.");

    /// <summary>"UNCC Art. 40(15)(c): the request states ..." — the start of every treaty error's reason.</summary>
    public string Reason(string provisionId, string message) => $"{this[provisionId].Citation}: {message}";
}
