using AssistanceApi.Domain;
using AssistanceApi.Persistence;
using AssistanceApi.Persistence.Documents;
using Dapper;
using Mediator;

namespace AssistanceApi.Features.States.List;

public sealed record ListStatesQuery(bool? Party, int Limit, string? After) : IQuery<Page<StateEntry>>;

public sealed class Handler(Database database) : IQueryHandler<ListStatesQuery, Page<StateEntry>>
{
    private static readonly string Party = SqlLiteral.Of(ConventionStatusKind.Party);

    public async ValueTask<Page<StateEntry>> Handle(ListStatesQuery query, CancellationToken ct)
    {
        // A page ends at a State's code: anything else in a cursor is no page's end.
        if (query.After is not null && !(query.After.Length == 3 && query.After.All(char.IsAsciiLetterUpper))) throw Cursor.Refused();
        await using var connection = await database.OpenAsync(ct);
        // Conditions only for the filters given: a typed NULL test would not plan alike on both databases.
        var documents = await connection.QueryAsync<string>(
            $"""
            SELECT document FROM states
            WHERE 1 = 1
              {(query.After is null ? "" : "AND code > @after")}
              {(query.Party is null ? "" : query.Party.Value ? $"AND convention_status = {Party}" : $"AND convention_status <> {Party}")}
            ORDER BY code LIMIT @take
            """,
            new { after = query.After, take = query.Limit + 1 });
        var states = documents.Select(d => StateEntry.From(StateDocument.Read(d))).ToList();
        return Page<StateEntry>.From(states, query.Limit, s => s.Code);
    }
}
