using AssistanceApi.Auth;
using AssistanceApi.Http;
using FastEndpoints;

namespace AssistanceApi.Features.Requests.ValidateDraft;

public sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<ValidationReport>
{
    public override void Configure()
    {
        Post("/requests/{id}/validation");
        Roles(ClientRoles.CentralAuthority, ClientRoles.ContactPoint);
        Description(b => b.ProducesProblems(400, 401, 403, 404).WithMetadata(WritesNothing.Metadata));
        Summary(s =>
        {
            s.Summary = "Check a stored draft against the treaty";
            s.Description = "The findings submit would produce for this draft now.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.OkAsync(await mediator.Send(new ValidateDraftQuery(this.Caller(), this.RequestId()), ct), ct);
}
