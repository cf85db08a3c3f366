using AssistanceApi.Auth;
using AssistanceApi.Persistence;
using Dapper;
using Mediator;

namespace AssistanceApi.Features.Clients.List;

/// <summary>Caller null: the operator at the server (clients list). A state-admin sees only its own State's clients.</summary>
public sealed record ListClientsQuery(Caller? Caller, int Limit, string? After) : IQuery<Page<ClientView>>;

public sealed class Handler(Database database) : IQueryHandler<ListClientsQuery, Page<ClientView>>
{
    public async ValueTask<Page<ClientView>> Handle(ListClientsQuery query, CancellationToken ct)
    {
        var after = GuidCursor.Parse(query.After);
        var state = query.Caller?.Role == ClientRoles.StateAdmin ? query.Caller.State : null;
        var where = string.Join(" AND ", new[] { after is null ? null : "id > @after", state is null ? null : "state = @state" }.OfType<string>());
        await using var connection = await database.OpenAsync(ct);
        var rows = (await connection.QueryAsync<ClientView>(
            $"SELECT {ClientView.Columns} FROM clients {(where.Length == 0 ? "" : "WHERE " + where)} ORDER BY id LIMIT @take",
            new { after, state, take = query.Limit + 1 })).ToList();
        return Page<ClientView>.From(rows, query.Limit, c => c.Id.ToString("D"));
    }
}
