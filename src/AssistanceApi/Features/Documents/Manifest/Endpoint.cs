using AssistanceApi.Auth;
using AssistanceApi.Domain.Documents;
using AssistanceApi.Features.Requests;
using AssistanceApi.Http;
using FastEndpoints;

namespace AssistanceApi.Features.Documents.Manifest;

public sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<EvidenceManifest>
{
    public override void Configure()
    {
        Get("/requests/{id}/evidence-manifest");
        Roles(ClientRoles.CentralAuthority, ClientRoles.ContactPoint);
        Description(b => b.Produces<EvidenceManifest>(200).ProducesProblems(400, 401, 403, 404));
        Summary(s =>
        {
            s.Summary = "Read the evidence manifest of a completed request";
            s.Description = "The documents the completion returned ({documentId, name, size, sha256, mediaType}), the recipe, and sha256, the " +
                            "SHA-256 of the manifest's canonical UTF-8 JSON: compact, fields in this order: recipe (\"uncc-evidence-manifest/2\"), " +
                            "requestId, documents by documentId with documentId, name, size, sha256, mediaType; strings as RFC 8785 writes them " +
                            "(only the quote, the backslash and control characters escaped). A manifest whose recipe is uncc-evidence-manifest/1 " +
                            "escaped every non-ASCII character and + < > & ' as \\uXXXX. 404 until a completion named evidence.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.OkAsync(await mediator.Send(new ReadManifestQuery(this.Caller(), this.RequestId()), ct), ct);
}
