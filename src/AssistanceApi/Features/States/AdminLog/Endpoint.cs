using AssistanceApi.Audit;
using AssistanceApi.Auth;
using AssistanceApi.Http;
using FastEndpoints;

namespace AssistanceApi.Features.States.AdminLog;

public sealed class Endpoint(IMediator mediator) : Endpoint<AdminLogRequest, AdminLogPage>
{
    public override void Configure()
    {
        Get("/states/{code}/admin-log");
        Roles(ClientRoles.StateAdmin, ClientRoles.Secretariat);
        Description(b => b.ProducesProblems(400, 401, 403, 404));
        Summary(s =>
        {
            s.Summary = "A State's admin log (its state-admin, the secretariat)";
            s.Description = "Every client of the State created, rotated or revoked and every change to its directory entry, oldest first, " +
                            "each event hashed (SHA-256) with the hash before it; chainValid is recomputed over the whole log on every read. " +
                            "Client events carry the key prefix, never the key. Another State's state-admin gets 403.";
        });
    }

    public override async Task HandleAsync(AdminLogRequest request, CancellationToken ct) =>
        await Send.OkAsync(await mediator.Send(new ReadAdminLogQuery(Caller.Of(HttpContext), Route<string>("code")!, request.Take, request.After), ct), ct);
}

public sealed class AdminLogRequest : PageQuery;

public sealed class AdminLogValidator : Validator<AdminLogRequest>
{
    public AdminLogValidator() => Include(new PageQueryValidator());
}
