using AssistanceApi.Domain;
using AssistanceApi.Auth;
using AssistanceApi.Http;
using FastEndpoints;

namespace AssistanceApi.Features.Requests.Messages.Send;

public sealed class Endpoint(IMediator mediator) : Endpoint<SendMessageBody, Message>
{
    public override void Configure()
    {
        Post("/requests/{id}/messages");
        Roles(ClientRoles.CentralAuthority, ClientRoles.ContactPoint);
        Description(b => b.Produces<Message>(201).ProducesProblems(400, 401, 403, 404, 409));
        Summary(s =>
        {
            s.Summary = "Write to the other authority about a request";
            s.Description = "A status inquiry (Art. 40(25)), a clarification or another message, visible to both States " +
                            "of the request and recorded in its history. Not on drafts: there is nobody to write to yet.";
            s.ExampleRequest = new SendMessageBody
            {
                Kind = MessageKind.StatusInquiry, Subject = "Status of request PNC-2026-0042",
                Text = "Could you tell us when the subscriber data may be expected? The trial date is set for June.",
            };
        });
    }

    public override async Task HandleAsync(SendMessageBody body, CancellationToken ct)
    {
        var message = await mediator.Send(new SendMessageCommand(this.Caller(), this.RequestId(), body), ct);
        await Send.ResponseAsync(message, StatusCodes.Status201Created, ct);
    }
}
