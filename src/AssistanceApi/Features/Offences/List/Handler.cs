using AssistanceApi.Treaty;
using Mediator;

namespace AssistanceApi.Features.Offences.List;

public sealed record ListOffencesQuery : IQuery<Page<Offence>>;

/// <summary>Twelve entries, all on one page.</summary>
public sealed class Handler(ProvisionCatalogue catalogue) : IQueryHandler<ListOffencesQuery, Page<Offence>>
{
    public ValueTask<Page<Offence>> Handle(ListOffencesQuery query, CancellationToken ct) =>
        ValueTask.FromResult(new Page<Offence> { Items = catalogue.Offences, NextCursor = null });
}
