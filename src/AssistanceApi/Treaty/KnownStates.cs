namespace AssistanceApi.Treaty;

/// <summary>The ISO alpha-3 codes of the directory, for rejecting unknown codes before anything is stored.</summary>
public sealed class KnownStates
{
    private HashSet<string> _codes = [];

    public void Load(IEnumerable<string> codes) => _codes = codes.ToHashSet(StringComparer.Ordinal);

    public bool Contains(string? code) => code is not null && _codes.Contains(code);
}
