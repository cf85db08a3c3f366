using AssistanceApi.Http;
using AssistanceApi.Treaty;
using Mediator;

namespace AssistanceApi.Features.Provisions.Get;

public sealed record GetProvisionQuery(string Id) : IQuery<Provision>;

/// <summary>Served from the catalogue loaded at startup: the same one every error cites from.</summary>
public sealed class Handler(ProvisionCatalogue catalogue) : IQueryHandler<GetProvisionQuery, Provision>
{
    public ValueTask<Provision> Handle(GetProvisionQuery query, CancellationToken ct) =>
        catalogue.Contains(query.Id)
            ? ValueTask.FromResult(catalogue[query.Id])
            : throw Problems.NotFound($"No provision {Problems.Quote(query.Id)} in the catalogue; GET /api/v1/provisions lists them.");
}
