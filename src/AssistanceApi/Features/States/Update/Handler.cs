using AssistanceApi.Audit;
using AssistanceApi.Auth;
using AssistanceApi.Domain;
using AssistanceApi.Http;
using AssistanceApi.Persistence;
using AssistanceApi.Persistence.Documents;
using Dapper;
using Mediator;

namespace AssistanceApi.Features.States.Update;

/// <summary>The entry's new content; <paramref name="ExpectedTag"/> is the ETag If-Match names (null: whatever the entry is now).</summary>
public sealed record UpdateStateCommand(Caller Caller, string Code, UpdateStateBody Body, string? ExpectedTag = null) : ICommand<StateEntry>, IWriteCommand;

public sealed class Handler(UnitOfWork unit, AuditTrail audit, StoredStates directory, TimeProvider clock) : ICommandHandler<UpdateStateCommand, StateEntry>
{
    public async ValueTask<StateEntry> Handle(UpdateStateCommand command, CancellationToken ct)
    {
        var stored = await unit.Connection.QuerySingleOrDefaultAsync<string>(
            "SELECT document FROM states WHERE code = @code", new { code = command.Code }, unit.Transaction)
            ?? throw NoSuchState.For(command.Code);
        var read = StateDocument.Read(stored);
        if (command.ExpectedTag is { } expected && expected != StoredState.TagOf(read.Write()))
        {
            directory.ForgetAll();
            throw Problems.PreconditionFailed("The entry changed since the ETag in If-Match was read: read it again.");
        }
        var current = StateEntry.From(read);
        try { ReadOnlyFields.EnsureUnchanged(command.Body, current); }
        catch (ApiProblemException)
        {
            // A contradiction such as a stale asOf (the entry changed since the client read it) asks the client to
            // read the entry again: not from the kept copy.
            directory.ForgetAll();
            throw;
        }

        var body = command.Body;
        // asOf is the day of the edit, so an older seed file never overwrites it at the next start.
        var updated = new StateEntry
        {
            Code = current.Code, Name = current.Name, Convention = body.Convention!, CentralAuthority = body.CentralAuthority,
            ContactPoint = body.ContactPoint, AcceptedLanguages = body.AcceptedLanguages!, Declarations = body.Declarations!,
            Source = body.Source ?? current.Source, AsOf = DateOnly.FromDateTime(clock.Now().UtcDateTime),
        };
        await unit.Connection.ExecuteAsync(
            "UPDATE states SET convention_status = @status, as_of = @AsOf, document = @document WHERE code = @Code",
            new { updated.Code, updated.AsOf, status = WireName.Of(updated.Convention.Status), document = updated.ToDocument().Write() },
            unit.Transaction);
        audit.RecordAdmin(updated.Code, AdminLogs.DirectoryUpdated, updated.Code, command.Caller, new { before = current, after = updated });
        unit.AfterCommit(directory.ForgetAll);
        return updated;
    }
}
