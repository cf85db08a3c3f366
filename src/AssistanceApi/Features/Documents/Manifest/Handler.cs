using AssistanceApi.Auth;
using AssistanceApi.Domain.Documents;
using AssistanceApi.Features.Requests;
using AssistanceApi.Http;
using AssistanceApi.Persistence;
using Mediator;

namespace AssistanceApi.Features.Documents.Manifest;

public sealed record ReadManifestQuery(Caller Caller, Guid RequestId) : IQuery<EvidenceManifest>;

public sealed class Handler(Database database, RequestPresenter presenter) : IQueryHandler<ReadManifestQuery, EvidenceManifest>
{
    public async ValueTask<EvidenceManifest> Handle(ReadManifestQuery query, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await DocumentAccess.VisibleRequestAsync(connection, query.RequestId, query.Caller, presenter.Now);
        return row.ProgressValue.Outcome?.Evidence
               ?? throw Problems.NotFound("The request has no evidence manifest: no completion has named the evidence it returns.");
    }
}
