using System.Text.Json;
using AssistanceApi.Auth;
using AssistanceApi.Http;
using AssistanceApi.Persistence;
using Mediator;

namespace AssistanceApi.Features.Requests.ValidateDraft;

public sealed record ValidateDraftQuery(Caller Caller, Guid Id) : IQuery<ValidationReport>;

public sealed class Handler(Database database, TreatyCheck check, RequestPresenter presenter) : IQueryHandler<ValidateDraftQuery, ValidationReport>
{
    public async ValueTask<ValidationReport> Handle(ValidateDraftQuery query, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await RequestRecord.LoadVisibleAsync(connection, query.Id, query.Caller, presenter.Now);
        RequestRules.EnsureEditableDraft(row, query.Caller, "validation", presenter);
        var content = JsonSerializer.Deserialize<RequestContent>(row.Content, JsonDefaults.Options)!;
        return await check.RunAsync(connection, query.Caller, content);
    }
}
