using AssistanceApi.Auth;
using AssistanceApi.Persistence;
using Mediator;

namespace AssistanceApi.Features.Requests.Get;

public sealed record GetRequestQuery(Caller Caller, Guid Id) : IQuery<RequestResource>;

public sealed class Handler(Database database, RequestPresenter presenter) : IQueryHandler<GetRequestQuery, RequestResource>
{
    public async ValueTask<RequestResource> Handle(GetRequestQuery query, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await RequestRecord.LoadVisibleAsync(connection, query.Id, query.Caller, presenter.Now);
        return presenter.Present(row, query.Caller);
    }
}
