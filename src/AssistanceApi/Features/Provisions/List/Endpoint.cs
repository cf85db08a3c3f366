using AssistanceApi.Http;
using AssistanceApi.Treaty;
using FastEndpoints;

namespace AssistanceApi.Features.Provisions.List;

public sealed class Endpoint(IMediator mediator) : Endpoint<ListProvisionsRequest, Page<Provision>>
{
    public override void Configure()
    {
        Get("/provisions");
        Description(b => b.ProducesProblems(400, 401));
        Summary(s =>
        {
            s.Summary = "List the treaty catalogue";
            s.Description = "Every provision a rule cites or a client may look up, in treaty order. verified=false marks " +
                            "numbering not yet checked against the official text (modelled on UNTOC Art. 18 or Budapest).";
        });
    }

    public override async Task HandleAsync(ListProvisionsRequest request, CancellationToken ct) =>
        await Send.OkAsync(await mediator.Send(new ListProvisionsQuery(request.Article, request.Take, request.After), ct), ct);
}
