using System.Text.Json;
using System.Text.Json.Nodes;
using AssistanceApi.Auth;
using AssistanceApi.Http;
using FastEndpoints;

namespace AssistanceApi.Features.Requests.Update;

public sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<RequestResource>
{
    private static readonly string[] MediaTypes = ["application/merge-patch+json", "application/json"];

    public override void Configure()
    {
        Patch("/requests/{id}");
        Roles(ClientRoles.CentralAuthority, ClientRoles.ContactPoint);
        Description(b => b.Accepts<RequestContent>(MediaTypes[0], MediaTypes[1]).ProducesProblems(400, 401, 403, 404, 409, 412, 413, 415, 422));
        Summary(s =>
        {
            s.Summary = "Change a draft";
            s.Description = "A JSON merge patch (RFC 7396) of the draft's content: a field set to null is removed, objects " +
                            "merge, arrays are replaced; a patch whose result is the draft as it is ({}, or fields set to what " +
                            "they hold) changes nothing (no new version, no history entry, no event). Send If-Match with the ETag " +
                            "you read; a stale one gets 412.";
            s.ExampleRequest = RequestExamples.CompletingPatch;
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var id = this.RequestId();
        var patch = await ReadPatchAsync(ct);
        var updated = await mediator.Send(new UpdateRequestCommand(new ActionTarget(this.Caller(), id, IfMatch.ExpectedVersion(HttpContext)), patch), ct);
        await HttpContext.SendReplyAsync(updated, ct);
    }

    private async Task<JsonObject> ReadPatchAsync(CancellationToken ct)
    {
        var mediaType = HttpContext.Request.ContentType?.Split(';')[0].Trim();
        if (mediaType is null || !MediaTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
            throw new ApiProblemException(new Problem
            {
                Title = "Unsupported Media Type", Status = 415, Type = Problems.TypeFor("unsupported-media-type"),
                Detail = "Send the patch as application/merge-patch+json (or application/json).",
            });
        try
        {
            var node = await JsonNode.ParseAsync(HttpContext.Request.Body,
                documentOptions: new JsonDocumentOptions { MaxDepth = JsonDefaults.MaxDepth, AllowDuplicateProperties = false }, cancellationToken: ct);
            var patch = node as JsonObject ?? throw Problems.BadRequest("A merge patch must be a JSON object.",
                new ProblemError("body", "must be a JSON object", JsonFieldErrors.InvalidJson));
            var unknown = PatchFields.Unknown(patch);
            return unknown.Count == 0 ? patch
                : throw Problems.BadRequest("The patch names fields a request does not have; nothing was changed.", unknown);
        }
        catch (JsonException)
        {
            throw Problems.BadRequest("The body is not valid JSON.", new ProblemError("body", "not valid JSON", JsonFieldErrors.InvalidJson));
        }
    }
}
