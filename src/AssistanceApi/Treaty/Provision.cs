using System.Text;

namespace AssistanceApi.Treaty;

/// <summary>A provision of the catalogue; every treaty error cites one by <see cref="Id"/>.</summary>
public sealed class Provision
{
    public required string Id { get; init; }
    public required string Instrument { get; init; }
    public required int Article { get; init; }
    public string? Paragraph { get; init; }
    public string? Item { get; init; }
    public required string Title { get; init; }
    public required string Summary { get; init; }
    public required bool Verified { get; init; }
    public string? ModelledOn { get; init; }
    public string? Source { get; init; }

    /// <summary>"UNCC Art. 40(15)(c)": derived, so a renumbering is a change of data only.</summary>
    public string Citation
    {
        get
        {
            var text = new StringBuilder($"{Instrument} Art. {Article}");
            if (Paragraph is not null) text.Append('(').Append(Paragraph).Append(')');
            if (Item is not null) text.Append('(').Append(Item).Append(')');
            return text.ToString();
        }
    }
}
