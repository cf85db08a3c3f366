using AssistanceApi.Http;
using AssistanceApi.Treaty;
using FastEndpoints;

namespace AssistanceApi.Features.Provisions.Get;

public sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<Provision>
{
    public override void Configure()
    {
        Get("/provisions/{id}");
        Description(b => b.ProducesProblems(401, 404));
        Summary(s =>
        {
            s.Summary = "Get one provision";
            s.Description = "Resolves the code of a treaty error (uncc-40-15-c) to its article, title and summary.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.OkAsync(await mediator.Send(new GetProvisionQuery(Route<string>("id")!), ct), ct);
}
