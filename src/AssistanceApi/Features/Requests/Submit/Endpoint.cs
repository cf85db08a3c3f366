using AssistanceApi.Auth;
using AssistanceApi.Domain;
using AssistanceApi.Http;
using FastEndpoints;

namespace AssistanceApi.Features.Requests.Submit;

public sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<RequestResource>
{
    public override void Configure()
    {
        Post($"/requests/{{id}}/{Lifecycle.Submit.Name}");
        Roles(ClientRoles.CentralAuthority, ClientRoles.ContactPoint);
        Description(b => b.ProducesProblems(400, 401, 403, 404, 409, 412, 422));
        Summary(s =>
        {
            s.Summary = "Submit a draft to the requested State";
            s.Description = "Runs every treaty rule; any error finding → 422 whose errors are those findings, each citing " +
                            "its provision (GET /api/v1/provisions/{code}). On success the request gets its reference and " +
                            "becomes visible to the requested State.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var submitted = await mediator.Send(new SubmitRequestCommand(this.Target()), ct);
        await HttpContext.SendReplyAsync(submitted, ct);
    }
}
