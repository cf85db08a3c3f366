using AssistanceApi.Auth;
using AssistanceApi.Features.Requests;
using AssistanceApi.Persistence;
using Mediator;

namespace AssistanceApi.Features.Documents.Get;

public sealed record GetDocumentQuery(Caller Caller, Guid RequestId, Guid DocumentId) : IQuery<DocumentView>;

public sealed class Handler(Database database, RequestPresenter presenter) : IQueryHandler<GetDocumentQuery, DocumentView>
{
    public async ValueTask<DocumentView> Handle(GetDocumentQuery query, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await DocumentAccess.VisibleRequestAsync(connection, query.RequestId, query.Caller, presenter.Now);
        return (await DocumentRecord.LoadAsync(connection, query.RequestId, query.DocumentId)).ToView();
    }
}
