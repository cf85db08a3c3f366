using AssistanceApi.Domain;
using AssistanceApi.Http;
using AssistanceApi.Persistence;
using AssistanceApi.Treaty;
using Mediator;

namespace AssistanceApi.Features.Requests.Preserve;

/// <summary>preserve (requested State) and extend (requesting State) both set the end of the preservation.</summary>
public sealed record PreservationPeriodCommand(ActionTarget Target, string Action, PreservationPeriodBody Body) : ICommand<RequestResource>, IWriteCommand;

public sealed class Handler(Transitions transitions, ProvisionCatalogue catalogue, TreatyOptions options)
    : ICommandHandler<PreservationPeriodCommand, RequestResource>
{
    private const string Provision = Citations.PreservationPeriod;

    public async ValueTask<RequestResource> Handle(PreservationPeriodCommand command, CancellationToken ct)
    {
        var row = await transitions.LoadAsync(command.Target, command.Action);
        var until = EndOf(command.Body.PreservedUntil!.Value);
        var minimum = row.SubmittedAt!.Value.AddDays(options.PreservationMinimumDays);
        if (until < minimum)
            throw Reject($"preservation lasts at least {options.PreservationMinimumDays} days from submission: until {minimum:yyyy-MM-dd} or later.");
        if (command.Action == "extend" && row.PreservedUntil is { } current && until <= current)
            throw Reject($"an extension ends after the current end of preservation, {current:yyyy-MM-dd}.");

        return await transitions.ApplyAsync(row, command.Target, command.Action, RequestStatus.Preserved, row.ProgressValue,
            new { preservedUntil = command.Body.PreservedUntil }, preservedUntil: until);
    }

    private ApiProblemException Reject(string message) =>
        Problems.TreatyBreach(catalogue, Provision, "preservedUntil", message, "The period of preservation does not meet the Convention; nothing was changed.");

    private static DateTimeOffset EndOf(DateOnly day) => new(day.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.Zero);
}
