using System.Text.Json;
using AssistanceApi.Host;
using AssistanceApi.Persistence;
using Dapper;
using Mediator;

namespace AssistanceApi.Features.States.List;

public sealed record ListStatesQuery(bool? Party, int Limit, string? After) : IQuery<Page<StateEntry>>;

public sealed class Handler(Database database) : IQueryHandler<ListStatesQuery, Page<StateEntry>>
{
    public async ValueTask<Page<StateEntry>> Handle(ListStatesQuery query, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var documents = await connection.QueryAsync<string>(
            """
            SELECT document FROM states
            WHERE (@after IS NULL OR code > @after)
              AND (@party IS NULL OR (convention_status = 'party') = @party)
            ORDER BY code LIMIT @take
            """,
            new { after = query.After, party = query.Party, take = query.Limit + 1 });
        var states = documents.Select(d => JsonSerializer.Deserialize<StateEntry>(d, JsonDefaults.Options)!).ToList();
        return Page<StateEntry>.From(states, query.Limit, s => s.Code);
    }
}
