using AssistanceApi.Http;
using FastEndpoints;

namespace AssistanceApi.Features.States.List;

public sealed class Endpoint(IMediator mediator) : Endpoint<ListStatesRequest, Page<StateEntry>>
{
    public override void Configure()
    {
        Get("/states");
        Description(b => b.ProducesProblems(400, 401));
        Summary(s =>
        {
            s.Summary = "List the States directory";
            s.Description = "All 193 UN Member States with their Convention status, central authority (Art. 40(13)), " +
                            "24/7 point of contact (Art. 41), accepted languages (Art. 40(14)) and declarations. " +
                            "Filter with ?party=true for States Parties. Ordered by code.";
        });
    }

    public override async Task HandleAsync(ListStatesRequest request, CancellationToken ct) =>
        await Send.OkAsync(await mediator.Send(new ListStatesQuery(request.Party, request.Take, request.After), ct), ct);
}
