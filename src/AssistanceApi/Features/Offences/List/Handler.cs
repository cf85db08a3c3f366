using System.Globalization;
using AssistanceApi.Treaty;
using Mediator;

namespace AssistanceApi.Features.Offences.List;

public sealed record ListOffencesQuery(int Limit, string? After) : IQuery<Page<Offence>>;

/// <summary>Twelve entries in catalogue order, paged as every list is (the cursor is an entry's place in that order).</summary>
public sealed class Handler(ProvisionCatalogue catalogue) : IQueryHandler<ListOffencesQuery, Page<Offence>>
{
    public ValueTask<Page<Offence>> Handle(ListOffencesQuery query, CancellationToken ct)
    {
        var after = Cursor.Sequence(query.After) ?? -1;
        var rows = catalogue.Offences.Select((offence, place) => (offence, place)).Where(r => r.place > after).Take(query.Limit + 1).ToList();
        var page = Page<(Offence Offence, int Place)>.From(rows, query.Limit, r => r.Place.ToString(CultureInfo.InvariantCulture));
        return ValueTask.FromResult(new Page<Offence> { Items = page.Items.Select(r => r.Offence).ToList(), NextCursor = page.NextCursor });
    }
}
