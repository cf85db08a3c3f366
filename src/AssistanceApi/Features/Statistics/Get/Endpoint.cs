using AssistanceApi.Auth;
using AssistanceApi.Http;
using FastEndpoints;

namespace AssistanceApi.Features.Statistics.Get;

public sealed class Endpoint(IMediator mediator) : Endpoint<StatisticsRequest, StatisticsReport>
{
    public override void Configure()
    {
        Get("/statistics");
        Roles(ClientRoles.Secretariat, ClientRoles.CentralAuthority, ClientRoles.ContactPoint);
        Description(b => b.ProducesProblems(400, 401, 403));
        Summary(s =>
        {
            s.Summary = "Statistics of requests submitted in a period";
            s.Description = "Counts by kind and status, days to acknowledgement and to completion (median and p90, " +
                            "nearest rank), refusals by ground and provision, and counts per pair of States. The secretariat " +
                            "sees every State; a State sees only the pairs it is part of. Never a request's contents.";
        });
    }

    public override async Task HandleAsync(StatisticsRequest request, CancellationToken ct) =>
        await Send.OkAsync(await mediator.Send(new StatisticsQuery(Caller.Of(HttpContext), request.From, request.To), ct), ct);
}
