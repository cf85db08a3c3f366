using AssistanceApi.Audit;
using AssistanceApi.Auth;
using AssistanceApi.Http;
using AssistanceApi.Persistence;
using FastEndpoints;

namespace AssistanceApi.Features.Secretariat.AdminLog;

/// <summary>The log of the secretariat's own clients, which belong to no State.</summary>
public sealed class Endpoint(Database database, ChainKeys keys) : Endpoint<SecretariatLogRequest, AdminLogPage>
{
    public override void Configure()
    {
        Get("/secretariat/admin-log");
        Roles(ClientRoles.Secretariat);
        Description(b => b.ProducesProblems(400, 401, 403));
        Summary(s =>
        {
            s.Summary = "The secretariat's admin log (secretariat)";
            s.Description = "Every secretariat client created (by the server's CLI), rotated or revoked, hash-chained like a State's admin log.";
        });
    }

    public override async Task HandleAsync(SecretariatLogRequest request, CancellationToken ct) =>
        await Send.OkAsync(await AdminLogPage.ReadAsync(database, keys, AdminLogs.Secretariat, request.Take, request.After, ct), ct);
}

public sealed class SecretariatLogRequest : PageQuery;

public sealed class SecretariatLogValidator : Validator<SecretariatLogRequest>
{
    public SecretariatLogValidator() => Include(new PageQueryValidator());
}
