using AssistanceApi.Domain;
using AssistanceApi.Domain.Documents;
using AssistanceApi.Http;
using Dapper;
using AssistanceApi.Persistence;
using Mediator;

namespace AssistanceApi.Features.Requests.Complete;

public sealed record CompleteCommand(ActionTarget Target, CompleteBody Body) : ICommand<RequestReply>, IWriteCommand;

public sealed class Handler(RequestStore store, UnitOfWork unit) : ICommandHandler<CompleteCommand, RequestReply>
{
    public async ValueTask<RequestReply> Handle(CompleteCommand command, CancellationToken ct)
    {
        var stored = await store.LoadAsync(command.Target, Lifecycle.Complete);
        var body = command.Body;
        var returned = body.EvidenceDocumentIds is { Count: > 0 } ids ? await ReturnedAsync(stored.Row.Id, ids) : null;
        return await store.SaveAsync(stored, stored.Request.Complete(stored.Context, body.Outcome!.Value, body.Summary!, body.UnexecutedReasons, returned));
    }

    /// <summary>The named documents of this request, as stored now; a name that is none of them is the caller's 422.</summary>
    private async Task<IReadOnlyList<ReturnedDocument>> ReturnedAsync(Guid requestId, IReadOnlyList<Guid> ids)
    {
        var rows = (await unit.Connection.QueryAsync<ReturnedRow>(
            $"SELECT id AS Id, name AS Name, size AS Size, sha256 AS Sha256, media_type AS MediaType, purpose AS Purpose, superseded_at IS NOT NULL AS Superseded " +
            "FROM documents WHERE request_id = @requestId", new { requestId }, unit.Transaction)).ToDictionary(r => r.Id);
        var unknown = ids.Select((id, i) => (id, i)).Where(x => !rows.ContainsKey(x.id))
            .Select(x => new ProblemError($"evidenceDocumentIds[{x.i}]", "no document of this request has this id.", "unknown-document")).ToList();
        if (unknown.Count > 0) throw Problems.Unprocessable("unknown-document", "The completion names documents this request does not have.", unknown);
        return ids.Select(id => rows[id]).Select(r => new ReturnedDocument(
            new ManifestItem(r.Id, r.Name, r.Size, r.Sha256, r.MediaType), KebabCase.Parse<DocumentPurpose>(r.Purpose), r.Superseded)).ToList();
    }

    private sealed class ReturnedRow
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public long Size { get; init; }
        public string Sha256 { get; init; } = "";
        public string MediaType { get; init; } = "";
        public string Purpose { get; init; } = "";
        public bool Superseded { get; init; }
    }
}
