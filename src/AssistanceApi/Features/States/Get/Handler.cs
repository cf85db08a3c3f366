using AssistanceApi.Http;
using Mediator;

namespace AssistanceApi.Features.States.Get;

public sealed record GetStateQuery(string Code) : IQuery<StoredState>;

public sealed class Handler(StoredStates directory) : IQueryHandler<GetStateQuery, StoredState>
{
    public async ValueTask<StoredState> Handle(GetStateQuery query, CancellationToken ct) =>
        await directory.FindAsync(query.Code, ct)
        ?? throw NoSuchState.For(query.Code);
}
