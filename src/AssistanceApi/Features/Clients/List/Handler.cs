using AssistanceApi.Persistence;
using Dapper;
using Mediator;

namespace AssistanceApi.Features.Clients.List;

public sealed record ListClientsQuery(int Limit, string? After) : IQuery<Page<ClientView>>;

public sealed class Handler(Database database) : IQueryHandler<ListClientsQuery, Page<ClientView>>
{
    public async ValueTask<Page<ClientView>> Handle(ListClientsQuery query, CancellationToken ct)
    {
        var after = GuidCursor.Parse(query.After);
        await using var connection = await database.OpenAsync(ct);
        var rows = (await connection.QueryAsync<ClientView>(
            $"SELECT {ClientView.Columns} FROM clients {(after is null ? "" : "WHERE id > @after")} ORDER BY id LIMIT @take",
            new { after, take = query.Limit + 1 })).ToList();
        return Page<ClientView>.From(rows, query.Limit, c => c.Id.ToString("D"));
    }
}
