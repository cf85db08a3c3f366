using AssistanceApi.Auth;
using AssistanceApi.Http;
using FastEndpoints;

namespace AssistanceApi.Features.Clients.List;

public sealed class Endpoint(IMediator mediator) : Endpoint<ListClientsRequest, Page<ClientView>>
{
    public override void Configure()
    {
        Get("/clients");
        Roles(ClientRoles.Secretariat, ClientRoles.StateAdmin);
        Description(b => b.ProducesProblems(400, 401, 403));
        Summary(s =>
        {
            s.Summary = "List clients (state-admin: its State's; secretariat: all)";
            s.Description = "Every client with its State, role, key prefix and revocation; never a key or a hash.";
        });
    }

    public override async Task HandleAsync(ListClientsRequest request, CancellationToken ct) =>
        await Send.OkAsync(await mediator.Send(new ListClientsQuery(Caller.Of(HttpContext), request.Take, request.After), ct), ct);
}

public sealed class ListClientsRequest : PageQuery;

public sealed class ListClientsValidator : Validator<ListClientsRequest>
{
    public ListClientsValidator() => Include(new PageQueryValidator());
}
