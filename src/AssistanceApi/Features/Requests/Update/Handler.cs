using System.Text.Json;
using System.Text.Json.Nodes;
using AssistanceApi.Domain;
using AssistanceApi.Http;
using AssistanceApi.Persistence;
using AssistanceApi.Treaty;
using Mediator;

namespace AssistanceApi.Features.Requests.Update;

public sealed record UpdateRequestCommand(ActionTarget Target, JsonObject Patch) : ICommand<RequestReply>, IWriteCommand;

public sealed class Handler(RequestStore store, KnownStates states, ProvisionCatalogue catalogue) : ICommandHandler<UpdateRequestCommand, RequestReply>
{
    public async ValueTask<RequestReply> Handle(UpdateRequestCommand command, CancellationToken ct)
    {
        var stored = await store.LoadAsync(command.Target, Lifecycle.Update);
        var before = new RequestContent();
        RequestContentMapping.Fill(before, stored.Request.Details);
        var content = Merge(before, command.Patch);
        var validation = new RequestContentValidator(states).Validate(content);
        if (!validation.IsValid) throw new ApiProblemException(ValidationProblems.Build(validation.Errors, 400));
        RequestRules.EnsureMayHandle(command.Target.Caller, content.Kind!.Value, catalogue);

        var fields = command.Patch.Select(p => p.Key).ToList();
        var decision = stored.Request.Update(stored.Context, content.ToDetails(), fields);
        // A patch whose result is the draft as it is ({}, or fields set to what they hold) changes nothing (RFC 7396):
        // answered as one that did, without a version, an audit event or an event, so other clients' ETags stay good.
        return SameContent(before, content) ? store.Unchanged(stored, decision) : await store.SaveAsync(stored, decision);
    }

    /// <summary>Compared as the wire writes both, where an absent field and a null one are the same.</summary>
    private static bool SameContent(RequestContent before, RequestContent after) =>
        JsonNode.DeepEquals(JsonSerializer.SerializeToNode(before, JsonDefaults.Options), JsonSerializer.SerializeToNode(after, JsonDefaults.Options));

    /// <summary>
    /// Applies the patch to the draft's content as the wire spells it (the patch is wire JSON, whatever the stored
    /// document's names); a result of the wrong shape is the client's 400.
    /// </summary>
    private static RequestContent Merge(RequestContent wire, JsonObject patch)
    {
        var merged = MergePatch.Apply(JsonSerializer.SerializeToNode(wire, JsonDefaults.Options), patch);
        try
        {
            return merged.Deserialize<RequestContent>(JsonDefaults.Options)
                   ?? throw Problems.BadRequest("The patched request is empty.");
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // Text that is not valid UTF-16 (a lone surrogate) or a repeated key surfaces here, not as JsonException.
            throw Problems.BadRequest("The patch is not well-formed JSON.", new ProblemError("body", "invalid text or a repeated field", JsonFieldErrors.InvalidJson));
        }
        catch (JsonException e)
        {
            var failure = ValidationProblems.FromJsonException(e);
            throw Problems.BadRequest("The patched request is not well-formed.",
                JsonFieldErrors.Describe(e, typeof(RequestContent), merged)
                ?? new ProblemError(failure.PropertyName, failure.ErrorMessage, failure.ErrorCode));
        }
    }
}
