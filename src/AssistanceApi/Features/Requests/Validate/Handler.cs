using AssistanceApi.Auth;
using AssistanceApi.Persistence;
using Mediator;

namespace AssistanceApi.Features.Requests.Validate;

public sealed record ValidateContentQuery(Caller Caller, RequestContent Content) : IQuery<ValidationReport>;

public sealed class Handler(Database database, TreatyCheck check) : IQueryHandler<ValidateContentQuery, ValidationReport>
{
    public async ValueTask<ValidationReport> Handle(ValidateContentQuery query, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await check.RunAsync(connection, query.Caller, query.Content.ToDetails());
    }
}
