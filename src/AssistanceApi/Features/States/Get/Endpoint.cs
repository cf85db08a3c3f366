using AssistanceApi.Http;
using FastEndpoints;

namespace AssistanceApi.Features.States.Get;

public sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<StateEntry>
{
    public override void Configure()
    {
        Get("/states/{code}");
        Description(b => b.ProducesProblems(400, 401, 404, 412).Produces(304));
        Summary(s =>
        {
            s.Summary = "Get one State of the directory";
            s.Description = "By ISO 3166-1 alpha-3 code, upper case (FRA). The ETag names this version of the entry: send it as " +
                            "If-Match with PUT to change the entry only if nobody changed it since, or as If-None-Match here to get 304 Not " +
                            "Modified, with no body, while the entry is unchanged.";
        });
    }

    // A StateEntry in the contract; written straight from the stored document (StoredState).
    public override async Task HandleAsync(CancellationToken ct)
    {
        var entry = await mediator.Send(new GetStateQuery(Route<string>("code")!), ct);
        IfMatch.SetETag(HttpContext, entry.ETag);
        if (await ConditionalRead.NotModifiedAsync(HttpContext, entry.ETag, ct)) return;
        await HttpContext.Response.SendOkAsync(entry, cancellation: ct);
    }
}
