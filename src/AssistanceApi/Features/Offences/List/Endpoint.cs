using AssistanceApi.Http;
using AssistanceApi.Treaty;
using FastEndpoints;

namespace AssistanceApi.Features.Offences.List;

public sealed class ListOffencesRequest : PageQuery;

public sealed class ListOffencesValidator : Validator<ListOffencesRequest>
{
    public ListOffencesValidator() => Include(new PageQueryValidator());
}

public sealed class Endpoint(IMediator mediator) : Endpoint<ListOffencesRequest, Page<Offence>>
{
    public override void Configure()
    {
        Get("/offences");
        Description(b => b.ProducesProblems(400, 401));
        Summary(s =>
        {
            s.Summary = "List the Convention offences";
            s.Description = "The offences of Arts. 7–17, and serious-crime: conduct punishable by a maximum deprivation of " +
                            "liberty of at least four years (Art. 2(h)). A request rests on one or more of them (Art. 35(1)).";
        });
    }

    public override async Task HandleAsync(ListOffencesRequest request, CancellationToken ct) =>
        await Send.OkAsync(await mediator.Send(new ListOffencesQuery(request.Take, request.After), ct), ct);
}
