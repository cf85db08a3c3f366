using AssistanceApi.Domain;
using AssistanceApi.Http;
using AssistanceApi.Persistence;
using AssistanceApi.Treaty;
using Dapper;
using Mediator;

namespace AssistanceApi.Features.Requests.Refuse;

public sealed record RefuseCommand(ActionTarget Target, RefuseBody Body) : ICommand<RequestResource>, IWriteCommand;

public sealed class Handler(Transitions transitions, ProvisionCatalogue catalogue, UnitOfWork unit) : ICommandHandler<RefuseCommand, RequestResource>
{
    public async ValueTask<RequestResource> Handle(RefuseCommand command, CancellationToken ct)
    {
        var row = await transitions.LoadAsync(command.Target, "refuse");
        var grounds = command.Body.Grounds ?? [];
        var errors = GroundErrors(grounds).ToList();
        if (string.IsNullOrWhiteSpace(command.Body.Reasons))
            errors.Add(Error("reasons", RefusalGrounds.ReasonsProvision, "reasons shall be given for any refusal."));
        if (errors.Count > 0)
            throw Problems.Unprocessable(errors[0].Code, "The refusal does not meet the Convention; nothing was changed.", errors);

        var progress = row.ProgressValue;
        progress.Refusal = new Refusal
        {
            Grounds = grounds.Select(g => new RefusalGround { Ground = g, Provision = RefusalGrounds.Allowed[g] }).ToList(),
            Reasons = command.Body.Reasons!,
            RefusedAt = transitions.Now,
        };
        // One row a ground, so statistics count refusals by provision in SQL.
        foreach (var ground in progress.Refusal.Grounds.DistinctBy(g => g.Ground))
            await unit.Connection.ExecuteAsync(
                "INSERT INTO request_refusal_grounds (request_id, ground, provision) VALUES (@id, @Ground, @Provision)",
                new { id = row.Id, ground.Ground, ground.Provision }, unit.Transaction);
        return await transitions.ApplyAsync(row, command.Target, "refuse", RequestStatus.Refused, progress,
            new { grounds, reasons = command.Body.Reasons });
    }

    private IEnumerable<ProblemError> GroundErrors(List<string> grounds)
    {
        if (grounds.Count == 0)
            yield return Error("grounds", RefusalGrounds.ClosedListProvision, "name at least one ground for refusal.");
        for (var i = 0; i < grounds.Count; i++)
        {
            if (RefusalGrounds.Forbidden.TryGetValue(grounds[i], out var provision))
                yield return Error($"grounds[{i}]", provision, $"{grounds[i]} is not a ground on which assistance may be refused.");
            else if (!RefusalGrounds.Allowed.ContainsKey(grounds[i]))
                yield return Error($"grounds[{i}]", RefusalGrounds.ClosedListProvision,
                    $"'{grounds[i]}' is not one of the grounds for refusal: {string.Join(", ", RefusalGrounds.Allowed.Keys)}.");
        }
    }

    private ProblemError Error(string name, string provision, string message) => Problems.Breach(catalogue, provision, name, message);
}
