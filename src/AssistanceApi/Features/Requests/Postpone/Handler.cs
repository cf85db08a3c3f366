using AssistanceApi.Domain;
using AssistanceApi.Http;
using AssistanceApi.Persistence;
using AssistanceApi.Treaty;
using Mediator;

namespace AssistanceApi.Features.Requests.Postpone;

public sealed record PostponeCommand(ActionTarget Target, PostponeBody Body) : ICommand<RequestResource>, IWriteCommand;

public sealed class Handler(Transitions transitions, ProvisionCatalogue catalogue) : ICommandHandler<PostponeCommand, RequestResource>
{
    private const string Provision = Citations.Postponement;

    public async ValueTask<RequestResource> Handle(PostponeCommand command, CancellationToken ct)
    {
        var row = await transitions.LoadAsync(command.Target, "postpone");
        var body = command.Body;
        var errors = new List<ProblemError>();
        if (string.IsNullOrWhiteSpace(body.Reasons))
            errors.Add(Problems.Breach(catalogue, Provision, "reasons", "give the proceeding with which execution would interfere."));
        if (body.Until is { } until && until <= DateOnly.FromDateTime(transitions.Now.UtcDateTime))
            errors.Add(Problems.Breach(catalogue, Provision, "until", "a postponement lasts until a date in the future."));
        if (errors.Count > 0) throw Problems.Unprocessable(Provision, "The postponement does not meet the Convention; nothing was changed.", errors);

        var progress = row.ProgressValue;
        progress.Postponement = new Postponement { Reasons = body.Reasons!, Until = body.Until, PostponedAt = transitions.Now };
        return await transitions.ApplyAsync(row, command.Target, "postpone", RequestStatus.Postponed, progress,
            new { reasons = body.Reasons, until = body.Until });
    }
}
