using AssistanceApi.Audit;
using AssistanceApi.Auth;
using AssistanceApi.Domain;
using AssistanceApi.Domain.Events;
using AssistanceApi.Events;
using AssistanceApi.Http;
using AssistanceApi.Persistence;
using AssistanceApi.Treaty;
using Dapper;
using Mediator;

namespace AssistanceApi.Features.Requests.Messages.Send;

public sealed record SendMessageCommand(Caller Caller, Guid RequestId, SendMessageBody Body) : ICommand<Message>, IWriteCommand;

public sealed class Handler(UnitOfWork unit, AuditTrail audit, EventOutbox events, TimeProvider clock, RequestPresenter presenter)
    : ICommandHandler<SendMessageCommand, Message>
{
    public async ValueTask<Message> Handle(SendMessageCommand command, CancellationToken ct)
    {
        var caller = command.Caller;
        var now = clock.Now();
        var row = await RequestRecord.LoadVisibleAsync(unit.Connection, command.RequestId, caller, now, unit.Transaction);
        if (row.StatusValue == RequestStatus.Draft)
            throw Problems.Conflict("draft-has-no-counterpart", "A draft has not reached the requested State: submit it first.",
                presenter.Present(row, caller, now).AllowedActions);

        await audit.BeforeChangeAsync(row.Id);
        var message = new Message
        {
            Id = Ids.Next(now), RequestId = row.Id, SentAt = now, FromState = caller.State!,
            Kind = command.Body.Kind!.Value, Subject = command.Body.Subject, Text = command.Body.Text!,
        };
        await unit.Connection.ExecuteAsync(
            """
            INSERT INTO request_messages (id, request_id, sent_at, from_state, from_client, kind, subject, text)
            VALUES (@Id, @RequestId, @SentAt, @FromState, @client, @kind, @Subject, @Text)
            """,
            new { message.Id, message.RequestId, message.SentAt, message.FromState, client = caller.ClientId, kind = WireName.Of(message.Kind), message.Subject, message.Text },
            unit.Transaction);
        audit.Record(row.Id, "message", caller, row.Status, row.Status, new { messageId = message.Id, kind = WireName.Of(message.Kind) },
            AuditHash.MessageDigest(message.Id, message.SentAt, message.FromState, caller.ClientId, WireName.Of(message.Kind), message.Subject, message.Text),
            at: now);
        events.Add(RequestEvents.Of(EventTypes.MessageReceived, row, caller, now, new { messageId = message.Id, kind = WireName.Of(message.Kind), fromState = message.FromState }));
        return message;
    }
}
