using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using AssistanceApi.Audit;
using AssistanceApi.Auth;
using AssistanceApi.Http;
using AssistanceApi.Persistence;
using Dapper;
using Mediator;

namespace AssistanceApi.Features.Requests.History;

public sealed record GetHistoryQuery(Caller Caller, Guid Id, int Limit, string? After) : IQuery<HistoryResponse>;

public sealed class Handler(Database database, RequestPresenter presenter, ChainKeys keys) : IQueryHandler<GetHistoryQuery, HistoryResponse>
{
    public async ValueTask<HistoryResponse> Handle(GetHistoryQuery query, CancellationToken ct)
    {
        var after = ParseCursor(query.After);
        await using var connection = await database.OpenAsync(ct);
        await RequestRecord.LoadVisibleAsync(connection, query.Id, query.Caller, presenter.Now);
        // One snapshot: the row, its events and its messages must be read as of the same moment to be compared.
        await using var transaction = await database.BeginSnapshotAsync(connection, ct);
        var request = (await RequestState.LoadAsync(connection, query.Id, transaction))!;
        var events = (await connection.QueryAsync<AuditEvent>(
            """
            SELECT request_id AS RequestId, sequence AS Sequence, at AS At, action AS Action, actor_state AS ActorState,
                   actor_client AS ActorClient, from_status AS FromStatus, to_status AS ToStatus, details AS Details,
                   previous_hash AS PreviousHash, prior_digest AS PriorDigest, state_digest AS StateDigest, key_id AS KeyId, hash AS Hash
            FROM request_events WHERE request_id = @id ORDER BY sequence
            """, new { id = query.Id }, transaction)).ToList();
        // Every message, not only those the events name: one no event records was added behind the API's back.
        var messages = await MessageDigestsAsync(connection, transaction, query.Id);
        await transaction.CommitAsync(ct);

        var error = ChainCheck.Verify(events, request, messages, keys);
        var page = events.Where(e => e.Sequence > after).Take(query.Limit + 1).ToList();
        return new HistoryResponse(
            page.Take(query.Limit).Select(e => new HistoryEvent(
                e.Sequence, e.At, e.Action, e.ActorState, e.ActorClient, e.FromStatus, e.ToStatus,
                ParseDetails(e.Details), e.PreviousHash, e.Hash)).ToList(),
            error is null, error,
            page.Count > query.Limit ? Cursor.Encode(page[query.Limit - 1].Sequence.ToString(CultureInfo.InvariantCulture)) : null);
    }

    private static async Task<Dictionary<Guid, string>> MessageDigestsAsync(DbConnection connection, DbTransaction transaction, Guid requestId) =>
        (await connection.QueryAsync<MessageRow>(
            """
            SELECT id AS Id, sent_at AS SentAt, from_state AS FromState, from_client AS FromClient, kind AS Kind, subject AS Subject, text AS Text
            FROM request_messages WHERE request_id = @requestId
            """, new { requestId }, transaction))
        .ToDictionary(m => m.Id, m => AuditHash.MessageDigest(m.Id, m.SentAt, m.FromState, m.FromClient, m.Kind, m.Subject, m.Text));

    /// <summary>The cursor is the sequence number of the last event of the previous page.</summary>
    private static long ParseCursor(string? key) => Cursor.Sequence(key) ?? 0;

    /// <summary>A details column edited into something that is not JSON still shows, as a string, and breaks the chain.</summary>
    private static JsonElement ParseDetails(string details)
    {
        try { return JsonDocument.Parse(details).RootElement.Clone(); }
        catch (JsonException) { return JsonSerializer.SerializeToElement(details); }
    }

    private sealed class MessageRow
    {
        public Guid Id { get; init; }
        public DateTimeOffset SentAt { get; init; }
        public string FromState { get; init; } = "";
        public Guid FromClient { get; init; }
        public string Kind { get; init; } = "";
        public string? Subject { get; init; }
        public string Text { get; init; } = "";
    }
}
