using AssistanceApi.Auth;
using AssistanceApi.Features.Requests;
using AssistanceApi.Persistence;
using Dapper;
using Mediator;

namespace AssistanceApi.Features.Documents.List;

public sealed record ListDocumentsQuery(Caller Caller, Guid RequestId, int Limit, string? After) : IQuery<Page<DocumentView>>;

public sealed class Handler(Database database, RequestPresenter presenter) : IQueryHandler<ListDocumentsQuery, Page<DocumentView>>
{
    public async ValueTask<Page<DocumentView>> Handle(ListDocumentsQuery query, CancellationToken ct)
    {
        var after = GuidCursor.Parse(query.After);
        await using var connection = await database.OpenAsync(ct);
        await DocumentAccess.VisibleRequestAsync(connection, query.RequestId, query.Caller, presenter.Now);
        var rows = (await connection.QueryAsync<DocumentRecord>(
            $"""
             SELECT {DocumentRecord.Columns} FROM documents WHERE request_id = @requestId {(after is null ? "" : "AND id > @after")}
             ORDER BY id LIMIT @take
             """,
            new { requestId = query.RequestId, after, take = query.Limit + 1 })).Select(r => r.ToView()).ToList();
        return Page<DocumentView>.From(rows, query.Limit, d => d.Id.ToString("D"));
    }
}
