using AssistanceApi.Auth;
using AssistanceApi.Persistence;
using Mediator;

namespace AssistanceApi.Features.Requests.Get;

public sealed record GetRequestQuery(Caller Caller, Guid Id) : IQuery<WrittenRequest>;

public sealed class Handler(Database database, RequestPresenter presenter) : IQueryHandler<GetRequestQuery, WrittenRequest>
{
    public async ValueTask<WrittenRequest> Handle(GetRequestQuery query, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await RequestRecord.LoadVisibleAsync(connection, query.Id, query.Caller, presenter.Now);
        return presenter.Written(row, query.Caller);
    }
}
