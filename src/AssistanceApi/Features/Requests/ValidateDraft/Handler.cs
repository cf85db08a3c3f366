using AssistanceApi.Auth;
using AssistanceApi.Persistence;
using AssistanceApi.Persistence.Documents;
using Mediator;

namespace AssistanceApi.Features.Requests.ValidateDraft;

public sealed record ValidateDraftQuery(Caller Caller, Guid Id) : IQuery<ValidationReport>;

public sealed class Handler(Database database, TreatyCheck check, RequestPresenter presenter) : IQueryHandler<ValidateDraftQuery, ValidationReport>
{
    public async ValueTask<ValidationReport> Handle(ValidateDraftQuery query, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var now = presenter.Now;
        var row = await RequestRecord.LoadVisibleAsync(connection, query.Id, query.Caller, now);
        RequestRules.EnsureEditableDraft(row, query.Caller, "validation", presenter);
        return await check.RunAsync(connection, query.Caller, StoredContent.Read(row.Content), now, requestId: row.Id);
    }
}
