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
            s.Description = "The documents the completion returned ({documentId, name, size, sha256, mediaType}) and sha256, the SHA-256 of " +
                            "the manifest's canonical JSON (compact, fields in this order: recipe \"uncc-evidence-manifest/1\", requestId, documents " +
                            "by documentId with documentId, name, size, sha256, mediaType). 404 until a completion named evidence.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.OkAsync(await mediator.Send(new ReadManifestQuery(this.Caller(), this.RequestId()), ct), ct);
}
