using AssistanceApi.Http;
using AssistanceApi.Persistence;
using Dapper;
using Mediator;

namespace AssistanceApi.Features.States.Get;

public sealed record GetStateQuery(string Code) : IQuery<StoredState>;

public sealed class Handler(Database database) : IQueryHandler<GetStateQuery, StoredState>
{
    public async ValueTask<StoredState> Handle(GetStateQuery query, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var document = await connection.QuerySingleOrDefaultAsync<string>(
            "SELECT document FROM states WHERE code = @code", new { code = query.Code });
        return document is null
            ? throw Problems.NotFound($"No UN Member State has the code '{query.Code}' (ISO 3166-1 alpha-3, upper case).")
            : new StoredState(document);
    }
}
