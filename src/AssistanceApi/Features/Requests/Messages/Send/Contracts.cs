using AssistanceApi.Domain;
using FastEndpoints;
using FluentValidation;

namespace AssistanceApi.Features.Requests.Messages.Send;

public sealed class SendMessageBody
{
    /// <summary>status-inquiry | clarification | other.</summary>
    public MessageKind? Kind { get; init; }

    public string? Subject { get; init; }

    public string? Text { get; init; }
}

public sealed class SendMessageValidator : Validator<SendMessageBody>
{
    public SendMessageValidator()
    {
        RuleFor(b => b.Kind).NotNull().WithErrorCode("required").WithMessage("kind is required: status-inquiry, clarification or other.");
        RequestContentValidator.Text(RuleFor(b => b.Subject), RequestContentValidator.ShortText);
        ActionText.Required(RuleFor(b => b.Text), "text");
    }
}
