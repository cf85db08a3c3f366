using System.Text.Json;
using System.Text.Json.Nodes;
using AssistanceApi.Audit;
using AssistanceApi.Auth;
using AssistanceApi.Http;
using AssistanceApi.Persistence;
using AssistanceApi.Treaty;
using Dapper;
using Mediator;

namespace AssistanceApi.Features.Requests.Update;

public sealed record UpdateRequestCommand(Caller Caller, Guid Id, JsonObject Patch, long? ExpectedVersion)
    : ICommand<RequestResource>, IWriteCommand;

public sealed class Handler(UnitOfWork unit, AuditTrail audit, TimeProvider clock, ProvisionCatalogue catalogue, KnownStates states, RequestPresenter presenter)
    : ICommandHandler<UpdateRequestCommand, RequestResource>
{
    public async ValueTask<RequestResource> Handle(UpdateRequestCommand command, CancellationToken ct)
    {
        var caller = command.Caller;
        var row = await RequestRecord.LoadVisibleAsync(unit.Connection, command.Id, caller, presenter.Now, unit.Transaction);
        RequestRules.EnsureEditableDraft(row, caller, "PATCH", presenter);
        row.EnsureVersion(command.ExpectedVersion);

        var content = Merge(row.Content, command.Patch);
        var validation = new RequestContentValidator(states).Validate(content);
        if (!validation.IsValid) throw new ApiProblemException(ValidationProblems.Build(validation.Errors, 400));
        RequestRules.EnsureMayDraft(caller, content, catalogue);

        await audit.BeforeChangeAsync(row.Id);
        var changed = await unit.Connection.ExecuteAsync(
            """
            UPDATE requests SET content = @content, kind = @kind, requested_state = @requestedState, emergency = @emergency, related_request_id = @related,
                version = version + 1, updated_at = @now
            WHERE id = @id AND version = @version
            """,
            new
            {
                id = row.Id, version = row.Version, now = clock.Now(), kind = WireName.Of(content.Kind!.Value),
                requestedState = content.RequestedState, emergency = content.Emergency == true, related = content.RelatedRequestId,
                content = JsonSerializer.Serialize(content, JsonDefaults.Options),
            },
            unit.Transaction);
        if (changed == 0) throw Problems.PreconditionFailed("The request changed while this patch was applied: GET it again and retry.");
        audit.Record(row.Id, "update", caller, row.Status, row.Status, new { fields = command.Patch.Select(p => p.Key).ToList() });

        return presenter.Present(await RequestRecord.LoadVisibleAsync(unit.Connection, row.Id, caller, presenter.Now, unit.Transaction), caller);
    }

    /// <summary>Applies the patch to the stored content; a result of the wrong shape is the client's 400.</summary>
    private static RequestContent Merge(string stored, JsonObject patch)
    {
        var merged = MergePatch.Apply(JsonNode.Parse(stored), patch);
        try
        {
            return merged.Deserialize<RequestContent>(JsonDefaults.Options)
                   ?? throw Problems.BadRequest("The patched request is empty.");
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // Text that is not valid UTF-16 (a lone surrogate) or a repeated key surfaces here, not as JsonException.
            throw Problems.BadRequest("The patch is not well-formed JSON.", new ProblemError("body", "invalid text or a repeated field", "invalid-json"));
        }
        catch (JsonException e)
        {
            var failure = ValidationProblems.FromJsonException(e);
            throw Problems.BadRequest("The patched request is not well-formed.",
                new ProblemError(failure.PropertyName, failure.ErrorMessage, failure.ErrorCode));
        }
    }
}
