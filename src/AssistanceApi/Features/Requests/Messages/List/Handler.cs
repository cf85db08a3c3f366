using AssistanceApi.Domain;
using AssistanceApi.Auth;
using AssistanceApi.Http;
using AssistanceApi.Persistence;
using Dapper;
using Mediator;

namespace AssistanceApi.Features.Requests.Messages.List;

public sealed record ListMessagesQuery(Caller Caller, Guid RequestId, int Limit, string? After) : IQuery<Page<Message>>;

public sealed class Handler(Database database, RequestPresenter presenter) : IQueryHandler<ListMessagesQuery, Page<Message>>
{
    public async ValueTask<Page<Message>> Handle(ListMessagesQuery query, CancellationToken ct)
    {
        var after = GuidCursor.Parse(query.After);
        await using var connection = await database.OpenAsync(ct);
        await RequestRecord.LoadVisibleAsync(connection, query.RequestId, query.Caller, presenter.Now);
        var rows = (await connection.QueryAsync<MessageRow>(
            $"""
            SELECT id AS Id, request_id AS RequestId, sent_at AS SentAt, from_state AS FromState, kind AS Kind, subject AS Subject, text AS Text
            FROM request_messages WHERE request_id = @requestId {(after is null ? "" : "AND id > @after")}
            ORDER BY id LIMIT @take
            """,
            new { requestId = query.RequestId, after, take = query.Limit + 1 })).Select(r => r.ToMessage()).ToList();
        return Page<Message>.From(rows, query.Limit, m => m.Id.ToString("D"));
    }

    private sealed class MessageRow
    {
        public Guid Id { get; init; }
        public Guid RequestId { get; init; }
        public DateTimeOffset SentAt { get; init; }
        public string FromState { get; init; } = "";
        public string Kind { get; init; } = "";
        public string? Subject { get; init; }
        public string Text { get; init; } = "";

        public Message ToMessage() => new()
        {
            Id = Id, RequestId = RequestId, SentAt = SentAt, FromState = FromState, Kind = WireName.Parse<MessageKind>(Kind), Subject = Subject, Text = Text,
        };
    }
}
