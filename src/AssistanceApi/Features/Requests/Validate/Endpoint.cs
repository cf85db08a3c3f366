using AssistanceApi.Auth;
using AssistanceApi.Http;
using FastEndpoints;

namespace AssistanceApi.Features.Requests.Validate;

public sealed class Endpoint(IMediator mediator) : Endpoint<RequestContent, ValidationReport>
{
    public override void Configure()
    {
        Post("/requests/validation");
        Roles(ClientRoles.CentralAuthority, ClientRoles.ContactPoint);
        Validator<BodyValidator>();
        Description(b => b.ProducesProblems(400, 401, 403, 413, 415).WithMetadata(WritesNothing.Metadata));
        Summary(s =>
        {
            s.Summary = "Check an unsaved request against the treaty";
            s.Description = "Runs every rule submission would run and returns all findings (errors and warnings), each " +
                            "citing its provision.";
            s.ExampleRequest = RequestExamples.Draft;
        });
    }

    public override async Task HandleAsync(RequestContent content, CancellationToken ct) =>
        await Send.OkAsync(await mediator.Send(new ValidateContentQuery(this.Caller(), content), ct), ct);
}
