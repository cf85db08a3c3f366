using System.Text.Json;
using AssistanceApi.Audit;
using AssistanceApi.Auth;
using AssistanceApi.Persistence;
using Dapper;
using Mediator;

namespace AssistanceApi.Features.Requests.History;

public sealed record GetHistoryQuery(Caller Caller, Guid Id) : IQuery<HistoryResponse>;

public sealed record HistoryResponse(IReadOnlyList<HistoryEvent> Events, bool ChainValid);

public sealed record HistoryEvent(
    long Sequence, DateTimeOffset At, string Action, string? ActorState, Guid ActorClient, string? FromStatus, string? ToStatus,
    JsonElement Details, string PreviousHash, string Hash);

public sealed class Handler(Database database, RequestPresenter presenter) : IQueryHandler<GetHistoryQuery, HistoryResponse>
{
    public async ValueTask<HistoryResponse> Handle(GetHistoryQuery query, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await RequestRecord.LoadVisibleAsync(connection, query.Id, query.Caller, presenter.Now);
        var events = (await connection.QueryAsync<AuditEvent>(
            """
            SELECT request_id AS RequestId, sequence AS Sequence, at AS At, action AS Action, actor_state AS ActorState,
                   actor_client AS ActorClient, from_status AS FromStatus, to_status AS ToStatus, details AS Details,
                   previous_hash AS PreviousHash, hash AS Hash
            FROM request_events WHERE request_id = @id ORDER BY sequence
            """, new { id = query.Id })).ToList();

        return new HistoryResponse(events.Select(e => new HistoryEvent(
                e.Sequence, e.At, e.Action, e.ActorState, e.ActorClient, e.FromStatus, e.ToStatus,
                ParseDetails(e.Details), e.PreviousHash, e.Hash)).ToList(),
            AuditHash.IsValidChain(events));
    }

    /// <summary>A details column edited into something that is not JSON still shows, as a string, and breaks the chain.</summary>
    private static JsonElement ParseDetails(string details)
    {
        try { return JsonDocument.Parse(details).RootElement.Clone(); }
        catch (JsonException) { return JsonSerializer.SerializeToElement(details); }
    }
}
