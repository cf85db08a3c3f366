using AssistanceApi.Auth;
using AssistanceApi.Http;
using FastEndpoints;

namespace AssistanceApi.Features.Requests.Create;

public sealed class Endpoint(IMediator mediator, Drafting drafting) : Endpoint<RequestContent, RequestResource>
{
    public override void Configure()
    {
        Post("/requests");
        Roles(ClientRoles.CentralAuthority, ClientRoles.ContactPoint);
        Validator<BodyValidator>();
        Description(b => b.ClearDefaultProduces(200).Produces<RequestResource>(201).ProducesProblems(400, 401, 403, 413, 415, 422));
        Summary(s =>
        {
            s.Summary = "Draft a request";
            s.Description = "Creates a draft for the caller's State (the requesting State comes from the API key). Only kind " +
                            "and requestedState are required; every field present must be well-formed. The treaty is " +
                            "enforced at submit; POST /api/v1/requests/validation shows what submission would say.";
            s.ExampleRequest = RequestExamples.Draft;
        });
    }

    public override async Task HandleAsync(RequestContent content, CancellationToken ct)
    {
        var created = await mediator.Send(drafting.Prepare(this.Caller(), content), ct);
        IfMatch.SetETag(HttpContext, created.Version);
        await Send.CreatedAtAsync(RequestLinks.GetById, new { id = created.Id }, created, cancellation: ct);
    }
}
