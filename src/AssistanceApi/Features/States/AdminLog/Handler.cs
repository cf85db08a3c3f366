using AssistanceApi.Audit;
using AssistanceApi.Auth;
using AssistanceApi.Http;
using AssistanceApi.Persistence;
using AssistanceApi.Treaty;
using Mediator;

namespace AssistanceApi.Features.States.AdminLog;

public sealed record ReadAdminLogQuery(Caller Caller, string Code, int Limit, string? After) : IQuery<AdminLogPage>;

public sealed class Handler(Database database, ChainKeys keys, KnownStates states) : IQueryHandler<ReadAdminLogQuery, AdminLogPage>
{
    public async ValueTask<AdminLogPage> Handle(ReadAdminLogQuery query, CancellationToken ct)
    {
        if (!states.Contains(query.Code))
            throw NoSuchState.For(query.Code);
        // The directory is public, so a 403 leaks nothing: a State's administration is its own business.
        if (query.Caller.Role == ClientRoles.StateAdmin && query.Caller.State != query.Code)
            throw Problems.Forbidden("other-state", "code", $"A state-admin reads only its own State's admin log ({query.Caller.State}).");
        return await AdminLogPage.ReadAsync(database, keys, query.Code, query.Limit, query.After, ct);
    }
}
